using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// A migration that disagrees with the model in every way the drift test looks at, on one leaf
/// table (home_check_ins: nothing references it): a column's nullability both ways, its type,
/// its length (PostgreSQL), a column the model lacks, a dropped index, a unique index made plain,
/// and a dropped foreign key.
/// </summary>
internal static class SchemaSabotage
{
    private const string Postgres = """
        ALTER TABLE home_check_ins ALTER COLUMN recorded_by DROP NOT NULL;
        ALTER TABLE home_check_ins ALTER COLUMN recorded_by TYPE character varying(300);
        ALTER TABLE home_check_ins ALTER COLUMN symptoms SET NOT NULL;
        ALTER TABLE home_check_ins ALTER COLUMN temperature TYPE double precision;
        ALTER TABLE home_check_ins ADD COLUMN stray integer;
        DROP INDEX ix_home_check_ins_region_code;
        DROP INDEX ix_home_check_ins_watch_id_day;
        CREATE INDEX ix_home_check_ins_watch_id_day ON home_check_ins (watch_id, day);
        ALTER TABLE home_check_ins DROP CONSTRAINT fk_home_check_ins_home_watches_watch_id;
        """;

    // SQLite changes a column's constraints only by rebuilding its table.
    private const string Sqlite = """
        CREATE TABLE "home_check_ins_drifted" (
            "id" INTEGER NOT NULL CONSTRAINT "pk_home_check_ins" PRIMARY KEY AUTOINCREMENT,
            "watch_id" INTEGER NOT NULL,
            "region_code" TEXT NOT NULL,
            "day" TEXT NOT NULL,
            "temperature" REAL NOT NULL,
            "symptoms" TEXT NOT NULL,
            "recorded_by" TEXT NULL,
            "first_recorded_at" INTEGER NOT NULL,
            "recorded_at" INTEGER NOT NULL,
            "stray" INTEGER NULL
        );
        DROP TABLE "home_check_ins";
        ALTER TABLE "home_check_ins_drifted" RENAME TO "home_check_ins";
        CREATE INDEX "ix_home_check_ins_watch_id_day" ON "home_check_ins" ("watch_id", "day");
        """;

    public static async Task ApplyAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        await context.Database.ExecuteSqlRawAsync(db.Provider == DatabaseProvider.Sqlite ? Sqlite : Postgres);
    }
}
