using System.CommandLine;
using System.Globalization;
using Fangkong.Web;
using Fangkong.Web.Infrastructure.Clock;
using Microsoft.Extensions.Hosting;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong serve [--urls URL]</c>: runs the web host on the chosen database.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => DefaultUrls };
        var asOf = new Option<string?>("--as-of") { Description = "The day the web's clock stands on (yyyy-MM-dd), e.g. 2022-03-20 to see a replayed scenario as it stood then" };
        var serve = new Command("serve", "Run the web application (pages and /api/v1)") { urls, asOf };
        serve.SetAction(async (result, ct) =>
        {
            var day = result.GetValue(asOf);
            if (day is not null && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                await Console.Error.WriteLineAsync($"as-of: 日期应为 yyyy-MM-dd (--as-of must be a date as yyyy-MM-dd): {day}");
                return 2;
            }

            var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(GlobalOptions.Settings(result))
            {
                Urls = result.GetValue(urls),
                Args = day is null ? [] : [$"--{ClockOptions.Section}:{nameof(ClockOptions.AsOf)}={day}"],
            });
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return serve;
    }
}
