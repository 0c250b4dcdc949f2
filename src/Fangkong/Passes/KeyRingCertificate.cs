using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fangkong.Passes;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (ADR 0028): the ring's
/// master keys are stored in the database, and without this each of them would sit there as plain
/// XML next to the pass-signing key it protects. Every process over one database (web servers of a
/// farm, the CLI) must use the same certificate: its path comes from <c>DataProtection:CertificatePath</c>
/// (the web host's settings) or the <c>FANGKONG_KEYRING_CERTIFICATE</c> environment variable, else
/// <c>~/.local/share/fangkong/keyring.pfx</c>. A missing file is created once, as a self-signed
/// RSA-3072 certificate in a PKCS#12 file readable by the service user alone (0600, folder 0700);
/// an existing file more open than that is narrowed.
/// </summary>
public static class KeyRingCertificate
{
    public const string PathSetting = "DataProtection:CertificatePath";
    public const string PasswordSetting = "DataProtection:CertificatePassword";
    public const string PathVariable = "FANGKONG_KEYRING_CERTIFICATE";
    public const string PasswordVariable = "FANGKONG_KEYRING_CERTIFICATE_PASSWORD";

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly ConcurrentDictionary<string, Lazy<X509Certificate2>> Loaded = new(StringComparer.Ordinal);
    private static (string Path, string? Password)? _configured;

    /// <summary>The path the next key ring set-up uses.</summary>
    public static string Path
    {
        get
        {
            if (_configured is { } configured)
            {
                return configured.Path;
            }

            return Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } variable
                ? variable
                : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "fangkong", "keyring.pfx");
        }
    }

    /// <summary>Sets the certificate file from the host's settings (before the first pass is signed).</summary>
    public static void Configure(string? path, string? password)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            _configured = (System.IO.Path.GetFullPath(path), password);
        }
    }

    /// <summary>The certificate at <see cref="Path"/>, created if missing; loaded once per process.</summary>
    public static X509Certificate2 Current()
    {
        var path = System.IO.Path.GetFullPath(Path);
        var password = _configured?.Password ?? Environment.GetEnvironmentVariable(PasswordVariable);
        return Loaded.GetOrAdd(path, p => new Lazy<X509Certificate2>(() => LoadOrCreate(p, password))).Value;
    }

    internal static X509Certificate2 LoadOrCreate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            Create(path, password);
        }
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, FileMode);
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The key ring certificate {path} has no private key.");
    }

    private static void Create(string path, string? password)
    {
        if (System.IO.Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, FolderMode);
            }
        }

        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Fangkong key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;

        // Data Protection decrypts with the certificate whatever its dates: a long life spares a renewal that would change nothing.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var bytes = certificate.Export(X509ContentType.Pkcs12, password);

        // Written under a temporary name and moved into place, so that two processes starting at once agree on one file.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using (var file = new FileStream(temporary, options))
        {
            file.Write(bytes);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: that one is used.
            File.Delete(temporary);
        }
    }
}
