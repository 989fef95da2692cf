#include "ui/get_models_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <set>

#include "core/error.h"
#include "hub/cache_scan.h"
#include "hub/downloader.h"
#include "hub/hub_cache.h"

namespace as::ui {
namespace {

struct KnownCheckpoint {
  const char* id;
  const char* what;
  const char* size;  // of the weights file the downloader picks (model.safetensors)
};

// The classic checkpoints the views were designed around.
const KnownCheckpoint kKnown[] = {
    {"bert-base-uncased", "BERT base, English, lower-cased · 12 layers × 12 heads", "440 MB"},
    {"bert-base-cased", "BERT base, English, cased · 12 layers × 12 heads", "436 MB"},
    {"bert-base-multilingual-cased", "BERT base, 104 languages · 12 layers × 12 heads", "714 MB"},
    {"distilgpt2", "DistilGPT-2, English · 6 layers × 12 heads", "353 MB"},
    {"gpt2", "GPT-2 small, English · 12 layers × 12 heads", "548 MB"},
    {"gpt2-medium", "GPT-2 medium, English · 24 layers × 16 heads", "1.5 GB"},
};

QString megabytes(uint64_t bytes) { return QString::number(static_cast<double>(bytes) / 1e6, 'f', 1); }

std::filesystem::path cache_root_or_default(const QString& given) {
  return given.isEmpty() ? hub::default_cache_root() : std::filesystem::path(given.toStdString());
}

std::set<std::string> cached_repo_ids(const QString& cache_root) {
  std::set<std::string> ids;
  try {
    for (const hub::CachedModel& m : hub::list_cached_models(cache_root_or_default(cache_root))) ids.insert(m.repo_id);
  } catch (const std::exception&) {
    // No usable cache location: nothing is marked as downloaded.
  }
  return ids;
}

}  // namespace

GetModelsDialog::GetModelsDialog(QWidget* parent, QString endpoint, QString cache_root)
    : QDialog(parent), endpoint_(std::move(endpoint)), cache_root_(std::move(cache_root)) {
  setWindowTitle(tr("Get models from Hugging Face"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("Pick a checkpoint or type any model id from huggingface.co (<code>org/name</code>). "
                              "It is saved in the Hugging Face cache, shared with Python's transformers."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  list_ = new QListWidget(this);
  list_->setObjectName(QStringLiteral("knownModels"));
  list_->setSpacing(3);
  layout->addWidget(list_, 1);
  auto* form = new QFormLayout;
  id_ = new QLineEdit(this);
  id_->setObjectName(QStringLiteral("modelId"));
  id_->setPlaceholderText(tr("org/name, e.g. google-bert/bert-base-uncased"));
  revision_ = new QLineEdit(QStringLiteral("main"), this);
  revision_->setObjectName(QStringLiteral("revision"));
  form->addRow(tr("Model id:"), id_);
  form->addRow(tr("Revision:"), revision_);
  layout->addLayout(form);
  bar_ = new QProgressBar(this);
  bar_->setRange(0, 1000);
  bar_->setTextVisible(false);
  layout->addWidget(bar_);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("downloadStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(status_);
  auto* buttons = new QDialogButtonBox(this);
  download_ = buttons->addButton(tr("Download and open"), QDialogButtonBox::AcceptRole);
  download_->setObjectName(QStringLiteral("downloadButton"));
  cancel_ = buttons->addButton(tr("Cancel download"), QDialogButtonBox::ActionRole);
  cancel_->setObjectName(QStringLiteral("cancelDownload"));
  close_ = buttons->addButton(QDialogButtonBox::Close);
  layout->addWidget(buttons);
  fillKnownModels();
  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0) id_->setText(list_->item(row)->data(Qt::UserRole).toString());
  });
  connect(list_, &QListWidget::itemDoubleClicked, this, &GetModelsDialog::startDownload);
  connect(id_, &QLineEdit::textChanged, this, [this] { download_->setEnabled(!isDownloading() && !modelId().isEmpty()); });
  connect(download_, &QPushButton::clicked, this, &GetModelsDialog::startDownload);
  connect(cancel_, &QPushButton::clicked, this, &GetModelsDialog::cancelDownload);
  connect(close_, &QPushButton::clicked, this, &GetModelsDialog::reject);
  setBusy(false);
  resize(620, 480);
}

GetModelsDialog::~GetModelsDialog() { stopWorker(); }

void GetModelsDialog::fillKnownModels() {
  const std::set<std::string> cached = cached_repo_ids(cache_root_);
  for (const KnownCheckpoint& k : kKnown) {
    QString text = QStringLiteral("%1\n    %2 · %3").arg(QString::fromUtf8(k.id), tr(k.what), QString::fromUtf8(k.size));
    if (cached.count(k.id)) text += tr(" · already downloaded");
    auto* item = new QListWidgetItem(text, list_);
    item->setData(Qt::UserRole, QString::fromUtf8(k.id));
  }
}

QString GetModelsDialog::modelId() const { return id_->text().trimmed(); }

void GetModelsDialog::setModelId(const QString& id) { id_->setText(id); }

void GetModelsDialog::setBusy(bool busy) {
  download_->setEnabled(!busy && !modelId().isEmpty());
  cancel_->setEnabled(busy);
  list_->setEnabled(!busy);
  id_->setEnabled(!busy);
  revision_->setEnabled(!busy);
}

void GetModelsDialog::startDownload() {
  if (isDownloading() || modelId().isEmpty()) return;
  hub::DownloadOptions options;
  options.repo_id = modelId().toStdString();
  options.revision = revision_->text().trimmed().isEmpty() ? "main" : revision_->text().trimmed().toStdString();
  options.endpoint = endpoint_.toStdString();
  options.cache_root = cache_root_.toStdString();
  options.cancel = &cancel_flag_;
  // Called on the worker: the values travel to the GUI thread by a queued call.
  options.progress = [this](const hub::DownloadProgress& p) {
    QMetaObject::invokeMethod(this, [this, p] { showProgress(p); }, Qt::QueuedConnection);
  };
  cancel_flag_ = false;
  bar_->setRange(0, 0);  // busy until the file list and sizes are known
  status_->setText(tr("Asking the hub for %1…").arg(modelId()));
  setBusy(true);
  worker_ = QThread::create([this, options] {
    QString snapshot, error;
    bool cancelled = false;
    try {
      snapshot = QString::fromStdString(hub::download_model(options).snapshot.string());
    } catch (const Cancelled&) {
      cancelled = true;
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    QMetaObject::invokeMethod(this, [this, snapshot, error, cancelled] { finish(snapshot, error, cancelled); },
                              Qt::QueuedConnection);
  });
  worker_->start();
}

void GetModelsDialog::showProgress(const hub::DownloadProgress& p) {
  if (p.total == 0) return;
  bar_->setRange(0, 1000);
  bar_->setValue(static_cast<int>(1000.0 * static_cast<double>(p.done) / static_cast<double>(p.total)));
  status_->setText(tr("%1: %2 of %3 MB · all files %4 of %5 MB")
                       .arg(QString::fromStdString(p.file), megabytes(p.file_done), megabytes(p.file_total),
                            megabytes(p.done), megabytes(p.total)));
}

void GetModelsDialog::finish(const QString& snapshot, const QString& error, bool cancelled) {
  stopWorker();
  setBusy(false);
  bar_->setRange(0, 1000);
  if (cancelled) {
    bar_->setValue(0);
    status_->setText(tr("Cancelled. What was downloaded is kept; downloading again resumes from there."));
    return;
  }
  if (!error.isEmpty()) {
    bar_->setValue(0);
    status_->setText(tr("<b>Download failed.</b> %1").arg(error.toHtmlEscaped()));
    return;
  }
  bar_->setValue(1000);
  status_->setText(tr("Downloaded to %1").arg(snapshot));
  emit modelReady(snapshot);
  accept();
}

void GetModelsDialog::cancelDownload() {
  if (!isDownloading()) return;
  cancel_flag_ = true;
  status_->setText(tr("Cancelling…"));
}

void GetModelsDialog::stopWorker() {
  if (!worker_) return;
  cancel_flag_ = true;  // no-op when it already finished
  worker_->wait();
  delete worker_;
  worker_ = nullptr;
}

void GetModelsDialog::reject() {
  stopWorker();
  QDialog::reject();
}

}  // namespace as::ui
