#pragma once
// A fresh, migrated database for each test case, on the backend named by GONGSHI_TEST_DB:
// "sqlite" (a new file under the build tree) or a MariaDB URL (a new database on that server).

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "engine/store/database.hpp"
#include "engine/store/migrate.hpp"

namespace gongshi::test {

inline std::string backend_url() {
  const char* v = std::getenv("GONGSHI_TEST_DB");
  return v != nullptr && *v != '\0' ? v : "sqlite";
}

inline bool on_mysql() {
  return backend_url() != "sqlite";
}

struct TestDb {
  std::string url;
  std::string mysql_db;  // to drop afterwards
  std::shared_ptr<Database> db;

  explicit TestDb(std::size_t pool = 6) {
    static int counter = 0;
    const std::string name = "gs_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    const std::string base = backend_url();
    if (base == "sqlite") {
      const auto file = std::filesystem::temp_directory_path() / (name + ".db");
      std::filesystem::remove(file);
      url = "sqlite:" + file.string();
    } else {
      auto admin = Database::open(base, 1);
      BOOST_REQUIRE_MESSAGE(admin.ok(), (admin.ok() ? "" : admin.error().message_en));
      soci::session s((*admin)->pool());
      s << "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
      mysql_db = name;
      url = base;
      const auto pos = url.find("db=");
      const auto end = url.find(';', pos);
      url.replace(pos, end == std::string::npos ? std::string::npos : end - pos, "db=" + name);
    }
    auto opened = Database::open(url, pool);
    BOOST_REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message_en));
    db = *opened;
    auto m = migrate(*db, std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/sql",
                     *parse_now("2024-07-01T00:00Z"));
    BOOST_REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message_en));
  }

  ~TestDb() {
    db.reset();
    if (!mysql_db.empty()) {
      if (auto admin = Database::open(backend_url(), 1)) {
        soci::session s((*admin)->pool());
        s << "DROP DATABASE " + mysql_db;
      }
    } else {
      std::filesystem::remove(url.substr(7));
      std::filesystem::remove(url.substr(7) + "-wal");
      std::filesystem::remove(url.substr(7) + "-shm");
    }
  }
};

}  // namespace gongshi::test
