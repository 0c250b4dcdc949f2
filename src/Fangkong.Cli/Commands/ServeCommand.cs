using System.CommandLine;
using Fangkong.Web;
using Microsoft.Extensions.Hosting;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong serve [--urls URL]</c>: runs the web host on the chosen database.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => DefaultUrls };
        var serve = new Command("serve", "Run the web application (pages and /api/v1)") { urls };
        serve.SetAction(async (result, ct) =>
        {
            var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(GlobalOptions.Settings(result)) { Urls = result.GetValue(urls) });
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return serve;
    }
}
