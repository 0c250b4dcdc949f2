using System.Data.Common;
using System.Net;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Auditing;

/// <summary>Audit lines of reads are queued and appended in batches by one writer, and none is lost.</summary>
public sealed class AuditQueueTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Read_WhileTheAuditTableIsLocked_IsAnswered_AndItsLineIsStoredOnceTheLockIsGone(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var zhang = await IdOfAsync(host, "张伟");
        using var county = await host.ClientAsync("county", waitForAudit: false);

        // Another writer holds the lock that an audit insert needs: a read that wrote its own line would wait for it.
        await using (var locker = host.Database.NewContext())
        {
            await locker.Database.OpenConnectionAsync();
            var connection = locker.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync();
            // SQLite: a write statement takes the database's write lock until the transaction ends.
            await ExecuteAsync(connection, transaction, provider == DatabaseProvider.Sqlite
                ? "UPDATE audit_log SET id = id WHERE 0"
                : "LOCK TABLE audit_log IN EXCLUSIVE MODE");

            using var read = await county.GetAsync($"/api/v1/persons/{zhang}").WaitAsync(TimeSpan.FromSeconds(30));
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
            await transaction.RollbackAsync();
        }

        await host.App.Services.GetRequiredService<AuditWriter>().FlushAsync();
        await using var db = host.Database.NewContext();
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Read && a.EntityKey == zhang.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.UserName == "county"))
            .ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Burst_OfReads_ThroughASmallQueue_LosesNoLine_OnAGracefulStop(DatabaseProvider provider)
    {
        // A queue of 8 lines in batches of 4: the burst fills it, so callers wait (back-pressure) rather than lose lines.
        await using var host = await WebTestHost.StartAsync(provider, b =>
        {
            b.Configuration["Audit:Capacity"] = "8";
            b.Configuration["Audit:BatchSize"] = "4";
        });
        var zhang = await IdOfAsync(host, "张伟");
        using var county = await host.ClientAsync("county", waitForAudit: false);
        const int Reads = 120;

        var answers = await Task.WhenAll(Enumerable.Range(0, Reads).Select(async _ =>
        {
            using var response = await county.GetAsync($"/api/v1/persons/{zhang}");
            return response.StatusCode;
        }));
        answers.ShouldAllBe(s => s == HttpStatusCode.OK);
        await host.App.StopAsync();

        await using var db = host.Database.NewContext();
        var key = zhang.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Read && a.EntityKey == key && a.UserName == "county")).ShouldBe(Reads);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Read_AfterTheWriterStopped_IsStillAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var zhang = await IdOfAsync(host, "张伟");
        var writer = host.App.Services.GetRequiredService<AuditWriter>();
        await writer.StopAsync(CancellationToken.None);

        using var county = await host.ClientAsync("county", waitForAudit: false);
        using var read = await county.GetAsync($"/api/v1/persons/{zhang}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Written by the request itself: the queue no longer takes lines.
        await using var db = host.Database.NewContext();
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Read && a.UserName == "county")).ShouldBe(1);
    }

    internal static async Task<long> IdOfAsync(WebTestHost host, string name)
    {
        await using var db = host.Database.NewContext();
        return await db.Persons.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
