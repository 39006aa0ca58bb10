package cn.zhibu.learning.course;

import cn.zhibu.learning.course.internal.CourseFileRows;
import cn.zhibu.learning.course.internal.CourseRows;
import cn.zhibu.learning.course.internal.S3MediaStore;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataDirectory;
import cn.zhibu.platform.DataScope;
import cn.zhibu.support.FakeS3Server;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.MediaSamples;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpRange;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 media store against a small S3-compatible server ({@link FakeS3Server}): a course's audio uploaded through
 * {@link CourseMedia} wired to an {@link S3MediaStore} (as {@code zhibu.learning.storage.endpoint} wires it) lands in
 * the bucket byte for byte with a V4-signed PUT, a second course with the same content stores nothing new, and the
 * file comes back through Spring MVC's own resource writers (what {@code /learning/media/{id}} answers with): whole,
 * by range, resumed, from the end, with one ranged GET per answer that starts where the player asked.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3MediaStoreIntegrationTest {

    private static final String BUCKET = "zhibu-media";
    private static final String ACCESS_KEY = "ZHIBUTESTACCESS";

    @Autowired CourseService courses;
    @Autowired CourseRows courseRows;
    @Autowired CourseFileRows fileRows;
    @Autowired AuditLog audit;
    @Autowired DataDirectory dataDirectory;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TestData data;

    private final DataScope scope = DataScope.system("对象存储测试");
    private FakeS3Server s3;
    private S3MediaStore store;
    private CourseMedia media;
    private Organization branch;
    private byte[] wav;

    @BeforeAll
    void store() throws IOException {
        s3 = new FakeS3Server(BUCKET);
        MediaStorageSettings settings = new MediaStorageSettings("", s3.endpoint(), "cn-north-1", BUCKET, ACCESS_KEY,
                "zhibu-test-secret", true, 1L << 30, 300L << 20, 50L << 20);
        store = new S3MediaStore(settings);
        media = new CourseMedia(courses, courseRows, fileRows, store, settings, audit, dataDirectory, transactions);
        Organization committee = data.committee("对象存储党委" + System.nanoTime() % 1_000_000);
        branch = data.org(committee.id(), "对象存储支部", OrganizationType.BRANCH);
        wav = MediaSamples.wav(30);
    }

    @AfterAll
    void stop() {
        store.close();
        s3.close();
    }

    @BeforeEach
    void forget() {
        s3.forget();
    }

    private long audioCourse(String title) {
        return courses.create(scope, new CourseDraft(branch.id(), null, 0, title, null, CourseKind.AUDIO, null,
                new BigDecimal("0.1"), null, false, null, CourseAudience.SUBTREE)).id();
    }

    @Test
    void an_uploaded_course_audio_lands_in_the_bucket_signed_and_streams_back_by_range() throws IOException {
        long id = audioCourse("对象存储音频课");
        Course c = media.upload(scope, id, "tone.wav", new ByteArrayInputStream(wav));
        assertThat(c.mediaSeconds()).isEqualTo(30);
        String key = c.file().sha256();
        assertThat(s3.object(key)).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(wav));
        assertThat(s3.requests()).extracting(FakeS3Server.Recorded::method).containsExactly("HEAD", "PUT");
        for (FakeS3Server.Recorded r : s3.requests()) {
            assertThat(r.signedV4()).as(r.authorization()).isTrue();
            assertThat(r.authorization()).contains("Credential=" + ACCESS_KEY + "/").contains("/cn-north-1/s3/aws4_request");
            assertThat(r.key()).isEqualTo(key);
        }
        // the payload is signed too (over plain HTTP): its SHA-256, or aws-chunked with a signature per chunk
        String payload = s3.requests("PUT").get(0).contentSha256();
        assertThat(payload).matches("[0-9a-f]{64}|STREAMING-AWS4-HMAC-SHA256-PAYLOAD.*");

        s3.forget();
        Resource resource = media.open(scope, id).resource();
        assertThat(resource.contentLength()).isEqualTo(wav.length);
        assertThat(serve(resource, null)).isEqualTo(wav);
        assertThat(serve(resource, "bytes=0-99")).isEqualTo(Arrays.copyOfRange(wav, 0, 100));
        assertThat(serve(resource, "bytes=1000-1099")).isEqualTo(Arrays.copyOfRange(wav, 1000, 1100));
        // resumed where the player left off, and the last bytes (where a player looks for trailing headers)
        assertThat(serve(resource, "bytes=200000-")).isEqualTo(Arrays.copyOfRange(wav, 200_000, wav.length));
        assertThat(serve(resource, "bytes=-10")).isEqualTo(Arrays.copyOfRange(wav, wav.length - 10, wav.length));
        // one GET per answer, asking the store from the first byte wanted: nothing before it is downloaded
        assertThat(s3.requests("GET")).extracting(FakeS3Server.Recorded::range)
                .containsExactly("bytes=0-", "bytes=0-", "bytes=1000-", "bytes=200000-", "bytes=" + (wav.length - 10) + "-");
        assertThat(s3.requests()).allMatch(FakeS3Server.Recorded::signedV4);
    }

    @Test
    void the_same_content_for_a_second_course_is_stored_once() {
        byte[] tone = MediaSamples.wav(20);
        Course first = media.upload(scope, audioCourse("同一文件甲"), "a.wav", new ByteArrayInputStream(tone));
        s3.forget();
        Course second = media.upload(scope, audioCourse("同一文件乙"), "b.wav", new ByteArrayInputStream(tone));
        assertThat(second.file().sha256()).isEqualTo(first.file().sha256());
        assertThat(s3.requests()).extracting(FakeS3Server.Recorded::method).containsExactly("HEAD");
    }

    @Test
    void a_missing_object_is_absent_and_reading_it_is_an_io_error_not_a_crash() throws IOException {
        String missing = "0".repeat(64);
        assertThat(store.exists(missing)).isFalse();
        Resource gone = store.open(missing, 100);
        try (InputStream in = gone.getInputStream()) {
            assertThatThrownBy(in::read).isInstanceOf(FileNotFoundException.class);
        }
        // skipping to the end needs no request at all
        try (InputStream in = store.open(missing, 100).getInputStream()) {
            assertThat(in.skip(100)).isEqualTo(100);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(s3.requests()).extracting(FakeS3Server.Recorded::method).containsExactly("HEAD", "GET");
    }

    @Test
    void the_test_store_refuses_unsigned_requests_and_deletes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/" + BUCKET + "/x"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("AccessDenied");
        HttpResponse<Void> deleted = http.send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/" + BUCKET + "/x"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20260101/cn-north-1/s3/aws4_request")
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    /** The body Spring MVC writes for a {@link Resource} answer, with or without a {@code Range} header. */
    private static byte[] serve(Resource resource, String range) throws IOException {
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        if (range == null) {
            new ResourceHttpMessageConverter().write(resource, null, out);
        } else {
            List<ResourceRegion> regions = HttpRange.toResourceRegions(HttpRange.parseRanges(range), resource);
            new ResourceRegionHttpMessageConverter().write(regions.get(0), null, out);
        }
        return out.getBodyAsBytes();
    }
}
