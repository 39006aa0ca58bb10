package cn.zhibu.learning.course.web;

import cn.zhibu.learning.course.Course;
import cn.zhibu.learning.course.CourseFilter;
import cn.zhibu.learning.course.CourseKind;
import cn.zhibu.learning.course.CourseMedia;
import cn.zhibu.learning.course.CoursePage;
import cn.zhibu.learning.course.CourseService;
import cn.zhibu.learning.course.CourseStatus;
import cn.zhibu.learning.course.MyCourse;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

@RestController
@RequestMapping("/api/v1/learning/courses")
@Tag(name = "学习教育·课程", description = "图文、文档（PDF）、视频和音频课程：管理者在本组织范围内创建草稿、上传文件、发布和撤回；"
        + "党员看到发给本组织及上级组织的课程和发给全体党员的课程，媒体以 HTTP 范围请求播放和续传")
class CourseApiController {

    private final CourseService courses;
    private final CourseMedia media;

    CourseApiController(CourseService courses, CourseMedia media) {
        this.courses = courses;
        this.media = media;
    }

    @GetMapping("/mine")
    @Operation(summary = "我的课程", description = "发给我的已发布课程：未完成的在前，必修在前，按完成期限排列；含我的学习进度")
    List<MyCourse> mine(DataScope scope) {
        return courses.mine(scope);
    }

    @GetMapping
    @Operation(summary = "我管理的课程", description = "所管理组织及其下级发布的课程，新建的在前；仅书记和组织管理员")
    CoursePage managed(DataScope scope,
                       @Parameter(description = "DRAFT 草稿、PUBLISHED 已发布、WITHDRAWN 已撤回；不填为全部")
                       @RequestParam(required = false) CourseStatus status,
                       @Parameter(description = "ARTICLE 图文、DOCUMENT 文档、VIDEO 视频、AUDIO 音频")
                       @RequestParam(required = false) CourseKind kind,
                       @Parameter(description = "标题中的文字") @RequestParam(required = false) @ShortText("标题") String q,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return courses.managed(scope, new CourseFilter(status, kind, q), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "课程详情", description = "管理者看到所管理范围内的课程；党员只看到发给自己的已发布课程")
    Course get(DataScope scope, @PathVariable long id) {
        return courses.get(scope, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "创建课程（草稿）", description = "orgId 为发布组织（须在管理范围内）；hours 为学时（0.1–100）；"
            + "视频、音频的学时不能超过其时长（按0.1学时向上取整）；audience=EVERYONE（全体党员）只能由最上级党组织的管理者发布；"
            + "required=true（必修）须有 dueOn（完成期限）")
    Course create(DataScope scope, @RequestBody CourseForm form) {
        return courses.create(scope, form.draft());
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改课程草稿", description = "只有草稿可以修改；发布组织不能更改，已上传文件的课程不能更改类型")
    Course update(DataScope scope, @PathVariable long id, @RequestBody CourseForm form) {
        return courses.update(scope, id, form.draft());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "发布课程", description = "图文须有正文，文档、视频、音频须已上传文件，视频、音频须知道时长")
    Course publish(DataScope scope, @PathVariable long id) {
        return courses.publish(scope, id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤回课程", description = "不再向党员提供；已完成的学习和学时保留")
    Course withdraw(DataScope scope, @PathVariable long id) {
        return courses.withdraw(scope, id);
    }

    @PutMapping(path = "/{id}/media", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "上传课程文件", description = "请求体即文件内容（按流接收，不限 Content-Type），按内容判断类型：文档为 PDF，"
            + "视频为 MP4 或 WebM，音频为 MP3、M4A、Ogg 或 WAV；超过大小上限（视频默认1 GB）时答 413，内容不符时答 415。"
            + "MP4、M4A、WAV 的时长由服务器读出，其他格式须在课程中填写 mediaSeconds",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary"))))
    Course upload(DataScope scope, @PathVariable long id,
                  @Parameter(description = "文件名（显示用）") @RequestParam(required = false) @ShortText("文件名") String name,
                  HttpServletRequest request) throws IOException {
        return media.upload(scope, id, name, request.getInputStream());
    }

    @GetMapping("/{id}/media")
    @Operation(summary = "课程文件（播放、阅读）", description = "支持单个 Range 范围请求（206），范围无效时答 416；"
            + "只有课程的管理者和课程发给的党员可以读取")
    ResponseEntity<Resource> file(DataScope scope, @PathVariable long id) {
        return MediaResponses.of(media.open(scope, id));
    }
}
