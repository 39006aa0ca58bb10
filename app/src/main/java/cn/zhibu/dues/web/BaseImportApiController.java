package cn.zhibu.dues.web;

import cn.zhibu.dues.BaseImportJob;
import cn.zhibu.dues.BaseImports;
import cn.zhibu.dues.BaseTemplate;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

@RestController
@RequestMapping("/api/v1/dues/bases/imports")
@Tag(name = "党费基数导入", description = "每年年初按模板（.xlsx）批量核定党费基数：逐行检查，按身份证号在您管理的党组织中查找党员；"
        + "有错误的行时默认不导入任何数据并给出错误说明（行号、列、原因），也可选择只导入正确的行")
class BaseImportApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final BaseImports imports;

    BaseImportApiController(BaseImports imports) {
        this.imports = imports;
    }

    @GetMapping("/template")
    @Operation(summary = "下载党费基数导入模板")
    ResponseEntity<byte[]> template() {
        return xlsx("党费基数导入模板.xlsx", BaseTemplate.workbook());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "上传并导入（后台进行，轮询任务状态）", description = "文件不超过30 MB、最多200000行；过大413，非 .xlsx 415")
    BaseImportJob upload(DataScope scope, @RequestParam(required = false) MultipartFile file) {
        return start(imports, scope, file);
    }

    @GetMapping("/{id}")
    @Operation(summary = "导入任务状态：CHECKING、IMPORTING、DONE、REJECTED（有错误，未导入）、FAILED；errors 为前1000个错误")
    BaseImportJob status(DataScope scope, @PathVariable String id) {
        return imports.get(scope, id);
    }

    @PostMapping("/{id}/valid-rows")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "只导入该文件中正确的行（须明确选择）")
    BaseImportJob importValidRows(DataScope scope, @PathVariable String id) {
        return imports.importValidRows(scope, id);
    }

    static BaseImportJob start(BaseImports imports, DataScope scope, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "请选择要上传的 .xlsx 文件");
        }
        try {
            return imports.start(scope, file.getInputStream(), file.getOriginalFilename());
        } catch (IOException e) {
            throw InvalidInputException.of("file", "上传的文件无法读取，请重试");
        }
    }

    static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
