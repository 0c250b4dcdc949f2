using Fangkong.Data;
using Fangkong.Web;

// The web host on its own (dotnet run --project src/Fangkong.Web); `fangkong serve` starts the same app.
var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(DatabaseSettings.Resolve(null)) { Args = args });
await app.RunAsync();
