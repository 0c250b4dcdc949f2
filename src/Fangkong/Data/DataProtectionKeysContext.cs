using Microsoft.EntityFrameworkCore;

namespace Fangkong.Data;

/// <summary>
/// The pass-signing keys' Data Protection key ring, over the product's database (table
/// <c>data_protection_keys</c>, migration 0106). Kept apart from <see cref="FangkongDbContext"/> so
/// that the ring's XML (which holds its master keys) never passes through the audit log.
/// </summary>
internal sealed class DataProtectionKeysContext(DbContextOptions<DataProtectionKeysContext> options)
    : KeyRingContext(options, "data_protection_keys");
