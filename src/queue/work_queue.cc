#include "queue/work_queue.h"

#include <fmt/format.h>
#include <nats/nats.h>

#include <cctype>

#include "queue/queued_record.h"

namespace sitrep::queue {
namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;

// A NATS failure as one of our errors: what we were doing, the library's words, and
// JetStream's own error code when it sent one. The queue is reached over the network,
// like a file the system refuses to open, hence kIo.
Status NatsError(natsStatus s, jsErrCode js_code, const std::string& doing) {
  const char* last = nats_GetLastError(nullptr);
  std::string detail = (last && *last) ? last : natsStatus_GetText(s);
  if (js_code != 0) detail += fmt::format(" (JetStream error {})", static_cast<int>(js_code));
  return Status(Code::kIo, fmt::format("queue: {}: {}", doing, detail));
}

// The subject follows from the stream's name, so two streams never overlap.
std::string SubjectFor(const std::string& stream) {
  std::string subject = "sitrep.queue.";
  for (char c : stream) subject += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return subject;
}

const char* LookupHeader(void* message, const char* key) {
  const char* value = nullptr;
  if (natsMsgHeader_Get(static_cast<natsMsg*>(message), key, &value) != NATS_OK) return nullptr;
  return value;
}

}  // namespace

Delivery::~Delivery() {
  if (message_) natsMsg_Destroy(message_);
}

Result<Record> Delivery::record() const {
  std::string payload(natsMsg_GetData(message_), static_cast<size_t>(natsMsg_GetDataLength(message_)));
  return RecordFromMessage(std::move(payload), LookupHeader, message_);
}

uint64_t Delivery::delivery_count() const {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, message_) != NATS_OK) return 0;
  uint64_t n = meta->NumDelivered;
  jsMsgMetaData_Destroy(meta);
  return n;
}

Status Delivery::Ack() {
  natsStatus s = natsMsg_Ack(message_, nullptr);
  return s == NATS_OK ? Status::Ok() : NatsError(s, static_cast<jsErrCode>(0), "acknowledging a message");
}

Status WorkQueue::Flush(int timeout_ms) {
  natsStatus s = natsConnection_FlushTimeout(connection_, timeout_ms);
  return s == NATS_OK ? Status::Ok() : NatsError(s, static_cast<jsErrCode>(0), "waiting for the server to read the acknowledgements");
}

void Delivery::Nak() { natsMsg_Nak(message_, nullptr); }

Result<std::unique_ptr<WorkQueue>> WorkQueue::Connect(const std::string& url, const QueueOptions& options) {
  if (url.rfind("nats://", 0) != 0)
    return Status(Code::kInvalidArgument, fmt::format("--queue '{}': expected nats://HOST:PORT", url));
  if (options.stream.empty() || options.stream.find_first_of(" .*>\t") != std::string::npos)
    return Status(Code::kInvalidArgument,
                  fmt::format("--stream '{}': a stream name is a word without spaces, dots, * or >", options.stream));
  std::unique_ptr<WorkQueue> q(new WorkQueue());
  q->url_ = url;
  q->options_ = options;
  q->subject_ = SubjectFor(options.stream);
  natsStatus s = natsConnection_ConnectTo(&q->connection_, url.c_str());
  if (s != NATS_OK) return NatsError(s, static_cast<jsErrCode>(0), fmt::format("connecting to {}", url));
  s = natsConnection_JetStream(&q->js_, q->connection_, nullptr);
  if (s != NATS_OK) return NatsError(s, static_cast<jsErrCode>(0), "opening JetStream");
  Status ensured = q->EnsureStream();
  if (!ensured.ok()) return ensured;
  return q;
}

WorkQueue::~WorkQueue() {
  // Destroying the subscription leaves the durable consumer on the server: it belongs
  // to every worker, and what this one had not acknowledged goes to the others.
  if (subscription_) natsSubscription_Destroy(subscription_);
  if (js_) jsCtx_Destroy(js_);
  if (connection_) natsConnection_Destroy(connection_);
}

Status WorkQueue::EnsureStream() {
  jsErrCode js_code = static_cast<jsErrCode>(0);
  jsStreamInfo* info = nullptr;
  natsStatus s = js_GetStreamInfo(&info, js_, options_.stream.c_str(), nullptr, &js_code);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(info);
    return Status::Ok();
  }
  if (s != NATS_NOT_FOUND) return NatsError(s, js_code, fmt::format("looking up stream {}", options_.stream));

  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  const char* subjects[] = {subject_.c_str()};
  config.Name = options_.stream.c_str();
  config.Subjects = subjects;
  config.SubjectsLen = 1;
  config.Retention = js_WorkQueuePolicy;  // a message is gone once a worker acknowledges it
  config.Storage = js_FileStorage;        // queued articles survive a server restart
  config.Duplicates = options_.duplicate_window_seconds * kNanosPerSecond;
  s = js_AddStream(&info, js_, &config, nullptr, &js_code);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(info);
    return Status::Ok();
  }
  // Two processes starting at once both find no stream and both create it: the second
  // is told it exists, which is what it wanted.
  if (js_code == JSStreamNameExistErr) return Status::Ok();
  return NatsError(s, js_code, fmt::format("creating stream {}", options_.stream));
}

Result<bool> WorkQueue::Publish(const Record& record) {
  auto headers = RecordHeaders(record);
  if (!headers.ok()) return headers.status();
  natsMsg* message = nullptr;
  natsStatus s = natsMsg_Create(&message, subject_.c_str(), nullptr, record.bytes.data(),
                                static_cast<int>(record.bytes.size()));
  for (size_t i = 0; s == NATS_OK && i < headers->size(); ++i)
    s = natsMsgHeader_Set(message, (*headers)[i].first.c_str(), (*headers)[i].second.c_str());
  if (s != NATS_OK) {
    natsMsg_Destroy(message);
    return NatsError(s, static_cast<jsErrCode>(0), fmt::format("making the message for {}", record.origin.path));
  }
  std::string id = MessageId(record);
  jsPubOptions publish;
  jsPubOptions_Init(&publish);
  publish.MsgId = id.c_str();
  jsPubAck* ack = nullptr;
  jsErrCode js_code = static_cast<jsErrCode>(0);
  s = js_PublishMsg(&ack, js_, message, &publish, &js_code);
  natsMsg_Destroy(message);
  if (s != NATS_OK) return NatsError(s, js_code, fmt::format("publishing {}", record.origin.path));
  bool added = !ack->Duplicate;
  jsPubAck_Destroy(ack);
  return added;
}

Status WorkQueue::Subscribe(const ConsumerOptions& options) {
  jsSubOptions sub;
  jsSubOptions_Init(&sub);
  sub.Stream = options_.stream.c_str();
  sub.Config.AckPolicy = js_AckExplicit;
  sub.Config.AckWait = options.ack_wait_seconds * kNanosPerSecond;
  sub.Config.MaxAckPending = options.max_in_flight;
  jsErrCode js_code = static_cast<jsErrCode>(0);
  natsStatus s = js_PullSubscribe(&subscription_, js_, subject_.c_str(), options.durable.c_str(), nullptr, &sub,
                                  &js_code);
  if (s != NATS_OK)
    return NatsError(s, js_code, fmt::format("subscribing to {} as {}", options_.stream, options.durable));
  return Status::Ok();
}

Result<std::vector<Delivery>> WorkQueue::Fetch(int max, int64_t timeout_ms) {
  if (!subscription_) return Status(Code::kInternal, "queue: Fetch before Subscribe");
  natsMsgList list = {};
  jsErrCode js_code = static_cast<jsErrCode>(0);
  natsStatus s = natsSubscription_Fetch(&list, subscription_, max, timeout_ms, &js_code);
  std::vector<Delivery> out;
  if (s == NATS_TIMEOUT) return out;  // nothing to do for now
  if (s != NATS_OK) return NatsError(s, js_code, "fetching messages");
  out.reserve(list.Count);
  for (int i = 0; i < list.Count; ++i) {
    out.emplace_back(list.Msgs[i]);
    list.Msgs[i] = nullptr;  // ours now: the list's destroy skips it
  }
  natsMsgList_Destroy(&list);
  return out;
}

Result<uint64_t> WorkQueue::Messages() {
  jsStreamInfo* info = nullptr;
  jsErrCode js_code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&info, js_, options_.stream.c_str(), nullptr, &js_code);
  if (s != NATS_OK) return NatsError(s, js_code, fmt::format("reading stream {}", options_.stream));
  uint64_t n = info->State.Msgs;
  jsStreamInfo_Destroy(info);
  return n;
}

}  // namespace sitrep::queue
