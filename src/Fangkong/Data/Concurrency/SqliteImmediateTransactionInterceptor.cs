using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.Data.Concurrency;

/// <summary>
/// Begins every SQLite transaction with <c>BEGIN IMMEDIATE</c>: it takes the write lock when it
/// begins, waiting its turn in the busy timeout. A deferred transaction reads first and asks for
/// the write lock at its first write; if another writer committed in between, SQLite refuses at
/// once with "database is locked", whatever the busy timeout. Microsoft.Data.Sqlite already
/// begins EF's transactions IMMEDIATE (it normalises an unspecified isolation level to
/// serializable); this states it here, so that it does not rest on that normalisation
/// (docs/decisions/0018-concurrency.md).
/// </summary>
internal sealed class SqliteImmediateTransactionInterceptor : DbTransactionInterceptor
{
    public static SqliteImmediateTransactionInterceptor Instance { get; } = new();

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return connection is SqliteConnection sqlite
            ? InterceptionResult<DbTransaction>.SuppressWithResult(sqlite.BeginTransaction(Serializable(eventData.IsolationLevel), deferred: false))
            : result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarting(connection, eventData, result));

    // IMMEDIATE is what SQLite calls serializable; read-uncommitted is the only other level it knows.
    private static IsolationLevel Serializable(IsolationLevel requested) =>
        requested == IsolationLevel.ReadUncommitted ? requested : IsolationLevel.Serializable;
}
