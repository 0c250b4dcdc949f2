using Fangkong.Access;

namespace Fangkong.Testing.Doors;

/// <summary>
/// The phone on the door-to-door list: in full for roles that see full identities and for those
/// who phone the residents not yet swabbed (community workers, <see cref="Jurisdiction.CallsResidents"/>);
/// masked (139****1001) for everybody else. The page, the print view and the exports all use this.
/// </summary>
public static class DoorPhones
{
    public static string Show(Jurisdiction jurisdiction, string? phone)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return jurisdiction.SeesFullIdentity || jurisdiction.CallsResidents ? phone ?? string.Empty : Masking.Phone(phone);
    }
}
