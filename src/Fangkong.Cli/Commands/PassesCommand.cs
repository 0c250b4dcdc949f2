using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fangkong.Data;
using Fangkong.Passes;
using Microsoft.Extensions.DependencyInjection;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>fangkong passes ...</c>: export the public keys a checkpoint needs, rotate the signing key
/// (the new one encrypted, the old one kept to verify), encrypt keys stored in plain text, and verify a token offline with a keys file (and a revocations file), as a checkpoint device does.
/// </summary>
internal static class PassesCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The keys file: the same shape as <c>GET /api/v1/passes/keys</c>.</summary>
    public sealed record KeysFile(IReadOnlyList<KeyItem> Items);

    public sealed record KeyItem(string KeyId, string Algorithm, string PublicKey, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, bool LowS = false);

    /// <summary>The revocations file: the same shape as <c>GET /api/v1/passes/revocations</c>.</summary>
    public sealed record RevocationsFile(IReadOnlyList<Revocation> Items);

    public static Command Create() => new("passes", "通行证 Movement passes and checkpoints") { KeysCommand(), RotateCommand(), ProtectCommand(), VerifyCommand() };

    private static Command KeysCommand()
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write the public keys here (JSON) instead of stdout" };
        var command = new Command("keys", "导出公钥 Export the public keys for offline checkpoints") { output };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            var keys = await PassKeys.PublicAsync(db, ct);
            var json = JsonSerializer.Serialize(new KeysFile([.. keys.Select(k => new KeyItem(k.KeyId, "ES256", Convert.ToBase64String(k.PublicKey), k.CreatedAt, k.RetiredAt, k.LowS))]), Json);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, json, ct);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{keys.Count} key(s) -> {file.FullName}"));
            }
            else
            {
                Console.WriteLine(json);
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command RotateCommand()
    {
        var command = new Command("rotate-key", ErrorText.Of("cli.passes.rotate-key"));
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var key = await PassKeys.RotateAsync(db, sp.GetRequiredService<TimeProvider>(), ct);
            Console.WriteLine(key.KeyId);
            return 0;
        }, ct));
        return command;
    }

    private static Command ProtectCommand()
    {
        var command = new Command("protect-keys", ErrorText.Of("cli.passes.protect-keys"));
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            var count = await PassKeys.ProtectStoredAsync(db, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} key(s) encrypted"));
            return 0;
        }, ct));
        return command;
    }

    private static Command VerifyCommand()
    {
        var token = new Argument<string>("token") { Description = "The pass token (FKP1....), as the QR code holds it" };
        var keys = new Option<FileInfo>("--keys") { Description = "Public keys (JSON from `passes keys` or GET /api/v1/passes/keys)", Required = true };
        var revocations = new Option<FileInfo?>("--revocations") { Description = "Revoked passes (JSON from GET /api/v1/passes/revocations)" };
        var region = new Option<string>("--region") { Description = "The checkpoint's region code", Required = true };
        var at = new Option<DateTimeOffset?>("--at") { Description = "Scan time (default: now)" };
        var command = new Command("verify", "离线验证通行证 Verify a pass token offline; exit 0 allowed, 2 refused") { token, keys, revocations, region, at };
        command.SetAction(async (result, ct) =>
        {
            var keysFile = JsonSerializer.Deserialize<KeysFile>(await File.ReadAllTextAsync(result.GetValue(keys)!.FullName, ct), Json)
                ?? throw new FormatException("The keys file is empty.");
            IReadOnlyList<Revocation> revoked = [];
            if (result.GetValue(revocations) is { } file)
            {
                revoked = JsonSerializer.Deserialize<RevocationsFile>(await File.ReadAllTextAsync(file.FullName, ct), Json)?.Items ?? [];
            }

            using var verifier = new PassVerifier(
                keysFile.Items.Select(k => new PublicKeyInfo(k.KeyId, Convert.FromBase64String(k.PublicKey), k.CreatedAt, k.RetiredAt, k.LowS)),
                revoked.Select(r => r.PassId));
            var check = verifier.Verify(result.GetValue(token), result.GetValue(region)!, result.GetValue(at) ?? DateTimeOffset.UtcNow);
            Console.WriteLine(JsonSerializer.Serialize(new { check.Allowed, check.Verdict, check.Reason, check.Pass }, Json));
            if (check.Allowed)
            {
                Console.Error.WriteLine(ErrorText.Of("cli.passes.allowed").Render());
                return 0;
            }

            Console.Error.WriteLine(check.Reason);
            return 2;
        });
        return command;
    }
}
