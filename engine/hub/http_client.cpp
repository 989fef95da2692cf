#include "hub/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include "core/error.h"

namespace as::hub {

namespace {

constexpr long kConnectTimeoutSeconds = 30;
// A transfer slower than 1 byte/s for this long is treated as a dropped connection.
constexpr long kStallSeconds = 60;
constexpr size_t kErrorBodyLimit = 2048;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

// Header lines of every response arrive here; a status line starts a new response, so only the
// last response's headers remain.
size_t on_header_line(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::map<std::string, std::string>*>(user);
  const std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    headers->clear();
    return size * count;
  }
  const size_t colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  std::string name = line.substr(0, colon);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  (*headers)[name] = trim(line.substr(colon + 1));
  return size * count;
}

CurlPtr new_handle(const std::string& url, curl_slist* request_headers, char* error_buffer) {
  global_init();
  CurlPtr curl(curl_easy_init());
  if (!curl) throw Error("HTTP: cannot initialise libcurl");
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, request_headers);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_LOW_SPEED_TIME, kStallSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "attentionscope/0.1");
  return curl;
}

SlistPtr request_headers(const std::string& token, uint64_t offset) {
  // The hub's sizes and hashes are of the raw bytes: no transparent compression.
  curl_slist* list = curl_slist_append(nullptr, "Accept-Encoding: identity");
  if (!token.empty()) list = curl_slist_append(list, ("Authorization: Bearer " + token).c_str());
  if (offset > 0) list = curl_slist_append(list, ("Range: bytes=" + std::to_string(offset) + "-").c_str());
  return SlistPtr(list);
}

struct GetState {
  const GetRequest* request = nullptr;
  CURL* curl = nullptr;
  GetResult* result = nullptr;
  bool sink_refused = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* state = static_cast<GetState*>(user);
  const size_t bytes = size * count;
  long status = 0;
  curl_easy_getinfo(state->curl, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200 && status != 206) {
    std::string& body = state->result->error_body;
    body.append(data, std::min(bytes, kErrorBodyLimit - std::min(kErrorBodyLimit, body.size())));
    return bytes;
  }
  if (!state->request->on_data(status, data, bytes)) {
    state->sink_refused = true;
    return 0;  // aborts the transfer
  }
  return bytes;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* state = static_cast<GetState*>(user);
  const std::atomic<bool>* cancel = state->request->cancel;
  return cancel && cancel->load() ? 1 : 0;
}

}  // namespace

std::string HttpResponse::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient(std::string bearer_token) : token_(std::move(bearer_token)) {}

HttpResponse HttpClient::head(const std::string& url) const {
  char error_buffer[CURL_ERROR_SIZE] = {};
  SlistPtr headers = request_headers(token_, 0);
  CurlPtr curl = new_handle(url, headers.get(), error_buffer);
  HttpResponse response;
  curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, on_header_line);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &response.headers);
  const CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK)
    throw Error("cannot reach " + url + ": " + (error_buffer[0] ? error_buffer : curl_easy_strerror(code)));
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

GetResult HttpClient::get(const GetRequest& request) const {
  char error_buffer[CURL_ERROR_SIZE] = {};
  SlistPtr headers = request_headers(token_, request.offset);
  CurlPtr curl = new_handle(request.url, headers.get(), error_buffer);
  GetResult result;
  GetState state{&request, curl.get(), &result};
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, on_header_line);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &result.response.headers);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &state);
  curl_easy_setopt(curl.get(), CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl.get(), CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(curl.get(), CURLOPT_XFERINFODATA, &state);
  const CURLcode code = curl_easy_perform(curl.get());
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.response.status);
  result.complete = code == CURLE_OK;
  result.cancelled = code == CURLE_ABORTED_BY_CALLBACK || (request.cancel && request.cancel->load());
  if (!result.complete && !result.cancelled)
    result.error = state.sink_refused ? "could not write the downloaded data"
                                      : std::string(error_buffer[0] ? error_buffer : curl_easy_strerror(code));
  return result;
}

}  // namespace as::hub
