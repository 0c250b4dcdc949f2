using Fangkong.Web;
using Microsoft.Extensions.Options;

// The web host on its own (dotnet run --project src/Fangkong.Web); `fangkong serve` starts the same app.
// The database is Database:Connection of appsettings.json, FANGKONG_DATABASE, or --Database:Connection=...
try
{
    var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(null) { Args = args });
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or FormatException)
{
    // A bad setting: one line naming it, not a stack trace.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}
