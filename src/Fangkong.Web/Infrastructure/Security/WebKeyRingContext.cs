using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// The web host's own Data Protection key ring (sign-in cookies, antiforgery tokens) in table
/// <c>web_data_protection_keys</c> (migration 0170), apart from the pass-signing keys' ring: see
/// docs/decisions/0033-web-key-ring-in-the-database.md.
/// </summary>
internal sealed class WebKeyRingContext(DbContextOptions<WebKeyRingContext> options)
    : KeyRingContext(options, "web_data_protection_keys");
