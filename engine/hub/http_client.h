#pragma once
// A small blocking HTTP(S) client over libcurl, just what the hub downloader needs: a HEAD that
// does not follow redirects (the hub's metadata headers sit on its own response, not the CDN's)
// and a streaming GET that follows them, can start at a byte offset and can be cancelled.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace as::hub {

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // of the last response; names lower-case
  std::string header(const std::string& lower_name) const;
};

struct GetRequest {
  std::string url;
  uint64_t offset = 0;  // > 0: sends "Range: bytes=<offset>-"
  // Receives the body of a 200 or 206 answer with that status (a server may ignore the Range and
  // answer 200 with the whole file); returning false aborts the transfer.
  std::function<bool(long status, const char* data, size_t size)> on_data;
  const std::atomic<bool>* cancel = nullptr;
};

struct GetResult {
  HttpResponse response;
  bool complete = false;     // the transfer ended cleanly
  bool cancelled = false;
  std::string error;         // transport error when !complete and !cancelled
  std::string error_body;    // start of the body of a non-2xx answer (the hub explains itself there)
};

class HttpClient {
 public:
  // `bearer_token`: sent as "Authorization: Bearer …" to the endpoint (not to redirected hosts).
  explicit HttpClient(std::string bearer_token = "");

  // Throws as::Error when the server cannot be reached; any HTTP status is returned.
  HttpResponse head(const std::string& url) const;
  GetResult get(const GetRequest& request) const;

 private:
  std::string token_;
};

}  // namespace as::hub
