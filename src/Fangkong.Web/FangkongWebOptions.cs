using Fangkong.Data;
using Microsoft.AspNetCore.Builder;

namespace Fangkong.Web;

/// <summary>How to start the web host: which database (null: <c>Database:Connection</c> from its settings), which addresses, and hooks for tests.</summary>
public sealed record FangkongWebOptions(DatabaseSettings? Database)
{
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Addresses to listen on, e.g. http://127.0.0.1:5080; null keeps the ASP.NET defaults.</summary>
    public string? Urls { get; init; }

    /// <summary>Apply missing migrations on start whatever the provider (the embedded SQLite database always is).</summary>
    public bool MigrateOnStart { get; init; }

    /// <summary>Called before the app is built (tests swap in the test server here).</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }
}
