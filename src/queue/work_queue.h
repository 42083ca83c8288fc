// A work queue on NATS JetStream, through the NATS C client (libnats).
//
// One stream with work-queue retention holds the articles: a message leaves the stream
// when a worker acknowledges it, never before. Workers share one durable pull consumer,
// so each message goes to one worker at a time; one that is not acknowledged within the
// ack wait (the worker died, or is stuck) is delivered again to another. The consumer's
// MaxAckPending bounds the messages out with workers but not yet acknowledged: that is
// the back-pressure, whatever the number of workers. docs/queue.md has the design.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/ingest.h"
#include "sitrep/status.h"

typedef struct __natsConnection natsConnection;
typedef struct __jsCtx jsCtx;
typedef struct __natsSubscription natsSubscription;
typedef struct __natsMsg natsMsg;

namespace sitrep::queue {

struct QueueOptions {
  std::string stream = "SITREP_ARTICLES";
  // Articles published again within this window with the same message id are dropped
  // by the server. A day: long enough for any re-submit of the same batch of files.
  int64_t duplicate_window_seconds = 24 * 3600;
};

struct ConsumerOptions {
  std::string durable = "sitrep-workers";  // every worker shares it
  int64_t ack_wait_seconds = 60;            // then an unacknowledged message goes out again
  int64_t max_in_flight = 256;              // MaxAckPending, over all workers together
};

// One message taken from the queue, held until it is acknowledged (or dropped: then it
// comes back after the ack wait).
class Delivery {
 public:
  explicit Delivery(natsMsg* message) : message_(message) {}
  ~Delivery();
  Delivery(Delivery&& o) noexcept : message_(o.message_) { o.message_ = nullptr; }
  Delivery(const Delivery&) = delete;
  Delivery& operator=(const Delivery&) = delete;

  // The record it carries; kParse for a message that is not one of ours.
  Result<Record> record() const;
  // How many times the server has handed this message out (1 the first time).
  uint64_t delivery_count() const;
  // Tells the server the message is done, without waiting: WorkQueue::Flush then waits
  // once for all of a batch's acknowledgements.
  Status Ack();
  // Asks for the message to be delivered again now, not after the ack wait.
  void Nak();

 private:
  natsMsg* message_;
};

class WorkQueue {
 public:
  // Connects to `url` (nats://HOST:PORT) and makes sure the stream exists (created
  // with work-queue retention if missing; an existing one is used as it is).
  static Result<std::unique_ptr<WorkQueue>> Connect(const std::string& url, const QueueOptions& options);
  ~WorkQueue();

  // Waits until the server has read everything sent before (the acknowledgements of a
  // batch): one round trip, where waiting on each acknowledgement was one a message.
  Status Flush(int timeout_ms = 5000);

  // The subject the stream's articles are published on.
  const std::string& subject() const { return subject_; }

  // Publishes one record and waits for the stream to store it. Returns false when the
  // stream already had a message with this record's id (a re-submit): nothing added.
  Result<bool> Publish(const Record& record);

  // Binds to the shared durable pull consumer (creating it if missing).
  Status Subscribe(const ConsumerOptions& options);
  // Up to `max` messages, waiting at most `timeout_ms` for the first; an empty vector
  // when there is nothing to do. Subscribe first.
  Result<std::vector<Delivery>> Fetch(int max, int64_t timeout_ms);

  // Messages in the stream: not yet acknowledged by any worker (in flight or waiting).
  Result<uint64_t> Messages();

 private:
  WorkQueue() = default;
  Status EnsureStream();

  std::string url_;
  QueueOptions options_;
  std::string subject_;
  natsConnection* connection_ = nullptr;
  jsCtx* js_ = nullptr;
  natsSubscription* subscription_ = nullptr;
};

}  // namespace sitrep::queue
