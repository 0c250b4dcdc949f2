using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fangkong.Data;

/// <summary>
/// Stores an instant as UTC milliseconds since 1970 on SQLite, whose EF provider cannot compare
/// or sort DateTimeOffset values kept as text. Used for tables whose queries filter and order by
/// time (testing: results within a window, tracing latency); PostgreSQL keeps timestamptz.
/// </summary>
internal sealed class UtcMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
