package dev.blame.examples.josdk;

/** What a user asks of a WebApp: the image to run and how many replicas (1 when not given). */
public class WebAppSpec {
  private String image;
  private Integer replicas;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }
}
