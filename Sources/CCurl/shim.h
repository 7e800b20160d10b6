#ifndef STACKVERIFY_CCURL_SHIM_H
#define STACKVERIFY_CCURL_SHIM_H
// libcurl's curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
// These typed wrappers are the only way the Swift side touches them.
#include <curl/curl.h>

typedef size_t (*sv_curl_data_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode sv_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sv_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sv_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sv_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sv_curl_set_header_list(CURL *handle, struct curl_slist *list) {
    return curl_easy_setopt(handle, CURLOPT_HTTPHEADER, list);
}

static inline CURLcode sv_curl_set_callback(CURL *handle, CURLoption option, sv_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode sv_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
