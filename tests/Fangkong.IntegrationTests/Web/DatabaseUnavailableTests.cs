using System.Net.Sockets;
using Fangkong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fangkong.IntegrationTests.Web;

/// <summary>
/// PostgreSQL restarting (bench scan-peak restarts it under load) is answered 503 with
/// Retry-After, which a sampling console resends; a real failure (a broken key) stays a 500.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData("57P01")] // terminating connection due to administrator command (pg_ctl restart -m immediate/fast)
    [InlineData("57P03")] // the database system is starting up / in recovery mode
    [InlineData("08006")] // connection failure
    public void ServerShuttingDownOrStarting_IsUnavailable_EvenWhenEfWrapsIt(string sqlState)
    {
        var postgres = new PostgresException("down", "FATAL", "FATAL", sqlState);

        DatabaseUnavailableExceptionHandler.IsUnavailable(postgres).ShouldBeTrue();
        DatabaseUnavailableExceptionHandler.IsUnavailable(new DbUpdateException("save", postgres)).ShouldBeTrue();
    }

    [Fact]
    public void ConnectionRefusedOrCut_IsUnavailable()
    {
        DatabaseUnavailableExceptionHandler.IsUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        DatabaseUnavailableExceptionHandler.IsUnavailable(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())).ShouldBeTrue();
    }

    [Fact]
    public void ConstraintViolationsAndBugs_AreNotUnavailable()
    {
        DatabaseUnavailableExceptionHandler.IsUnavailable(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)).ShouldBeFalse();
        DatabaseUnavailableExceptionHandler.IsUnavailable(new DbUpdateException("save", new PostgresException("fk", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation))).ShouldBeFalse();
        DatabaseUnavailableExceptionHandler.IsUnavailable(new InvalidOperationException("a bug")).ShouldBeFalse();
    }
}
