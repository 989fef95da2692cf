#pragma once
// "Get models…": pick a well-known checkpoint or type any org/name, download it from the Hugging
// Face hub into the shared cache (engine/hub) on a worker thread with a progress bar and Cancel,
// then hand the snapshot folder to the window to open.
#include <QDialog>
#include <QString>

#include <atomic>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QThread;

namespace as::hub {
struct DownloadProgress;
}

namespace as::ui {

class GetModelsDialog : public QDialog {
  Q_OBJECT

 public:
  // Empty `endpoint` / `cache_root`: the engine's defaults ($HF_ENDPOINT, $HF_HUB_CACHE, …).
  explicit GetModelsDialog(QWidget* parent = nullptr, QString endpoint = {}, QString cache_root = {});
  ~GetModelsDialog() override;  // a running download is cancelled and waited for

  QString modelId() const;
  void setModelId(const QString& id);
  bool isDownloading() const { return worker_ != nullptr; }

 public slots:
  void startDownload();
  void cancelDownload();

 signals:
  void modelReady(const QString& snapshot_dir);

 protected:
  void reject() override;  // Esc and Close cancel a running download first

 private:
  void fillKnownModels();
  void showProgress(const hub::DownloadProgress& progress);
  void finish(const QString& snapshot, const QString& error, bool cancelled);
  void setBusy(bool busy);
  void stopWorker();

  QString endpoint_;
  QString cache_root_;
  QListWidget* list_ = nullptr;
  QLineEdit* id_ = nullptr;
  QLineEdit* revision_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QLabel* status_ = nullptr;
  QPushButton* download_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* close_ = nullptr;
  QThread* worker_ = nullptr;
  std::atomic<bool> cancel_flag_{false};
};

}  // namespace as::ui
