package cn.zhibu.learning.course.internal;

import cn.zhibu.learning.course.MediaStorageSettings;
import cn.zhibu.learning.course.MediaStore;
import cn.zhibu.platform.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The media store the settings ask for: the S3-compatible bucket when an endpoint is set, else the directory. */
@Configuration
class MediaStoreConfig {

    @Bean
    MediaStore mediaStore(MediaStorageSettings settings, DataDirectory data) {
        if (settings.s3()) {
            return new S3MediaStore(settings);
        }
        return new FileMediaStore(settings.dir().isBlank() ? data.root().resolve("media") : Path.of(settings.dir()));
    }
}
