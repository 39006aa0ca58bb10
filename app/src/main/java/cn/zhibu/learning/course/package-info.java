/**
 * 学习教育, courses: articles, PDF documents, video and audio, in series, published to an organization's subtree or
 * to everyone; their media kept in a {@link cn.zhibu.learning.course.MediaStore} (the data directory, or an
 * S3-compatible object store) and streamed with HTTP range requests to the members they are addressed to. A named
 * interface so the demo loader can create courses.
 */
@org.springframework.modulith.NamedInterface("course")
package cn.zhibu.learning.course;
