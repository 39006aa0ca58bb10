package cn.zhibu.learning.course.web;

import cn.zhibu.learning.course.Course;
import cn.zhibu.learning.course.CourseMedia;
import cn.zhibu.learning.course.CourseService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.ShortText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.io.IOException;

/**
 * The course page's upload of large files ({@code js/course-upload.js}): the file as the raw request body, streamed
 * to disk up to its kind's limit (1 GiB for a video by default) instead of through the 50 MB multipart limit, under
 * the page's login session and CSRF token (the API chain takes bearer tokens only). Errors are problem documents
 * (413 too large, 415 not of the course's kind, 400 the hours rule) the script shows in Chinese; on success the
 * notice waits for the course page the script then opens, as after the multipart form.
 */
@RestController
class CourseMediaPageUploadController {

    private final CourseService courses;
    private final CourseMedia media;

    CourseMediaPageUploadController(CourseService courses, CourseMedia media) {
        this.courses = courses;
        this.media = media;
    }

    @PutMapping(path = "/learning/courses/{id}/media", consumes = MediaType.ALL_VALUE)
    Course upload(DataScope scope, @PathVariable long id, @RequestParam(required = false) @ShortText("文件名") String name,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        courses.getManaged(scope, id);
        Course c = media.upload(scope, id, name, request.getInputStream());
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("notice", CoursePageController.uploadedNotice(c));
        RequestContextUtils.saveOutputFlashMap("/learning/courses/" + id, request, response);
        return c;
    }
}
