package cn.zhibu.bench;

import tools.jackson.databind.JsonNode;

/**
 * Finds the request for a deep page of a subtree's member list by following {@code nextCursor} from page 1,
 * untimed, as a user clicking "next" would. When the API has no keyset paging it falls back to the numbered page,
 * which is what the offset way costs.
 */
final class DeepPager {

    static final int PAGE_SIZE = 20;

    /** The request for the page, how it is reached ("keyset" or "offset"), or why there is none. */
    record DeepPage(String uri, String paging, String problem) {

        static DeepPage none(String problem) {
            return new DeepPage(null, null, problem);
        }
    }

    private final ApiClient api;

    DeepPager(ApiClient api) {
        this.api = api;
    }

    static String listUri(long orgId) {
        return "/api/v1/members?orgId=" + orgId + "&size=" + PAGE_SIZE;
    }

    /** {@code page} counts from 1. */
    DeepPage find(long orgId, int page) {
        String cursor = null;
        for (int current = 1; current < page; current++) {
            String uri = listUri(orgId) + (cursor == null ? "" : "&cursor=" + ApiClient.encode(cursor));
            ApiResponse response = api.get(uri);
            if (!response.ok()) {
                return DeepPage.none("list of organization " + orgId + " failed at page " + current + ": "
                        + response.describe());
            }
            JsonNode json = response.json();
            cursor = Json.text(json, "nextCursor");
            if (cursor == null) {
                long total = json.path("total").asLong(0);
                if (total <= (long) (page - 1) * PAGE_SIZE) {
                    return DeepPage.none("organization " + orgId + " has only " + total + " members");
                }
                if (current == 1) {
                    // More members than pages walked, yet no cursor on page 1: the API pages by number only.
                    return new DeepPage(listUri(orgId) + "&page=" + (page - 1), "offset", null);
                }
                return DeepPage.none("organization " + orgId + ": no nextCursor after page " + current);
            }
        }
        return new DeepPage(listUri(orgId) + (cursor == null ? "" : "&cursor=" + ApiClient.encode(cursor)),
                "keyset", null);
    }
}
