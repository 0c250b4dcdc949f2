using System.Data.Common;
using System.Text.RegularExpressions;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// A DbContext whose database refuses to store a control order, as a tracer that dies half-way would
/// leave it: the tracing transaction (claim included) rolls back. The after-commit tracer runs on a
/// sibling of this context, so it inherits the refusal; the lab's own writes (results) do not touch
/// control orders and go through.
/// </summary>
internal static partial class FailingTracing
{
    public static FangkongDbContext NewContext(TestDatabase database, Jurisdiction jurisdiction)
    {
        var options = new DbContextOptionsBuilder<FangkongDbContext>();
        DataServiceCollectionExtensions.Configure(options, database.Settings);
        options.AddInterceptors(new RefuseControlOrders());
        return new FangkongDbContext(options.Options, new FixedJurisdiction(jurisdiction), TimeProvider.System);
    }

    [GeneratedRegex("INSERT\\s+INTO\\s+\"?control_orders", RegexOptions.IgnoreCase)]
    private static partial Regex InsertControlOrder();

    private sealed class RefuseControlOrders : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Refused(command) ? throw Refusal() : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Refused(command) ? throw Refusal() : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);

        private static bool Refused(DbCommand command) => InsertControlOrder().IsMatch(command.CommandText);

        private static InvalidOperationException Refusal() => new("Test: the database refuses control orders.");
    }
}
