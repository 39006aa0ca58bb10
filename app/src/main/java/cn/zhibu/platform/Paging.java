package cn.zhibu.platform;

/**
 * A requested page of a list: the one bound every list endpoint and page applies to {@code page} and {@code size}
 * (they come from the query string). Out of range is a 400 naming the parameter, not a clamp: a client asking for
 * page 2,147,483,647 has a bug to see, and an OFFSET that deep would read the whole subtree to return nothing.
 * Deeper than {@value #MAX_PAGE} pages, narrow the filter (the member list pages by cursor at any depth).
 */
public record Paging(int page, int size) {

    public static final int MAX_PAGE = 1_000;
    public static final int MAX_SIZE = 100;

    public static Paging of(int page, int size) {
        FieldErrors errors = new FieldErrors();
        if (page < 0 || page > MAX_PAGE) {
            errors.reject("page", "页码应在0至" + MAX_PAGE + "之间（从0起）；更靠后的记录请缩小查询范围");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.reject("size", "每页条数应在1至" + MAX_SIZE + "之间");
        }
        errors.throwIfAny();
        return new Paging(page, size);
    }

    /** Rows to skip. */
    public long offset() {
        return (long) page * size;
    }
}
