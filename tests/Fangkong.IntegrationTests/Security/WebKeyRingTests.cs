using System.Net;
using System.Security.Cryptography;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Security;

/// <summary>
/// The web host's own Data Protection key ring (sign-in cookies, antiforgery tokens) lives in the
/// database, encrypted with the key ring certificate (ADR 0033): a second server over the same
/// database accepts what the first issued (a web farm), a server over another database does not,
/// and no stored key is plain XML. The framework's default (a folder of plain XML files in the
/// user's home) made every server of one machine share one ring whatever its database, and none
/// of another machine's.
/// </summary>
public sealed class WebKeyRingTests
{
    private const string Purpose = "Fangkong.Tests.WebKeyRing";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ACookieIssuedByOneServer_IsAcceptedByASecondOverTheSameDatabase(DatabaseProvider provider)
    {
        await using var first = await SecurityHost.StartAsync(provider);
        await using var second = await SecurityHost.StartAsync(provider, shared: first.Database);
        var (owner, cookies, token) = await first.SignedInAsync("county");
        using var elsewhere = second.Client(cookies: CookieClients.Copy(cookies, owner.BaseAddress!));

        (await elsewhere.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the second server reads the first's cookie");

        // The antiforgery token the first server answered is good on the second: signing out there
        // goes through, and ends the session on the first server too.
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session");
        signOut.Headers.Add(WebTestHost.AntiforgeryHeader, token);
        (await elsewhere.SendAsync(signOut)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var payload = Protector(first).Protect("farm");
        Protector(second).Unprotect(payload).ShouldBe("farm");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WhatOneDatabasesServerProtected_IsRefusedByAServerOverAnotherDatabase(DatabaseProvider provider)
    {
        await using var first = await SecurityHost.StartAsync(provider);
        await using var other = await SecurityHost.StartAsync(provider);
        var (owner, cookies, _) = await first.SignedInAsync("county");
        using var elsewhere = other.Client(cookies: CookieClients.Copy(cookies, owner.BaseAddress!));

        (await elsewhere.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The same user name exists in both databases; what refuses here is the ring itself, not the
        // user's security stamp: the other server cannot even decrypt the payload.
        var payload = Protector(first).Protect("farm");
        Should.Throw<CryptographicException>(() => Protector(other).Unprotect(payload));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheStoredRing_HoldsNoPlainMasterKey(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        (await host.SignedInAsync("county")).Client.Dispose();

        await using var ring = RingOf(host.Database);
        var rows = await ring.DataProtectionKeys.Select(k => k.Xml ?? string.Empty).ToListAsync();
        rows.ShouldNotBeEmpty("signing in protects a cookie, which makes the ring's first key in the database");
        foreach (var xml in rows)
        {
            xml.ShouldContain("<encryptedSecret");
            xml.ShouldContain("EncryptedData");
            xml.ShouldNotContain("<masterKey");
            xml.ShouldNotContain("<value>");
            xml.ShouldNotContain("unencrypted form");
        }
    }

    private static IDataProtector Protector(SecurityHost host) =>
        host.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static WebKeyRingContext RingOf(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<WebKeyRingContext>();
        KeyRingContext.Use(options, database.Settings);
        return new WebKeyRingContext(options.Options);
    }
}
