using Fangkong.Data;
using Fangkong.Livelihood.Medical;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>The capability's sets, on the one DbContext (kept here so that the central file stays untouched).</summary>
public static class LivelihoodSets
{
    public static DbSet<ResidentRequest> ResidentRequests(this FangkongDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ResidentRequest>();
    }

    public static DbSet<MedicalTrip> MedicalTrips(this FangkongDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<MedicalTrip>();
    }
}
