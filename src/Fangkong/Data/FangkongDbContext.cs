using System.Reflection;
using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Organisations;
using Fangkong.Persons;
using Fangkong.Places;
using Fangkong.Regions;
using Fangkong.Residences;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Data;

/// <summary>
/// The one DbContext. Every query on a region-scoped entity is filtered to the caller's
/// jurisdiction here, and every write is checked against it and audited here, so that no
/// page or endpoint can forget to.
/// </summary>
public sealed class FangkongDbContext(
    DbContextOptions<FangkongDbContext> options,
    IJurisdictionAccessor jurisdiction,
    TimeProvider time,
    IAuditSink? auditSink = null,
    IClientInfoAccessor? client = null) : IdentityDbContext<FangkongUser>(options)
{
    private readonly AuditRecorder _audit = new(jurisdiction, time, client);

    /// <summary>A new context on the same database and audit trail, as the system (after-commit reactions, ADR 0034).</summary>
    internal FangkongDbContext CreateSystemSibling() => new(options, new FixedJurisdiction(Jurisdiction.System), time, auditSink, client);

    /// <summary>A new context over the caller's city, for a city's counts that all its workers see alike (ADR 0046); nothing personal may leave it.</summary>
    internal FangkongDbContext CreateCitySibling(string city) =>
        new(options, new FixedJurisdiction(Jurisdiction with { RegionPrefix = city, SeesFullIdentity = false, SeesResidentDetails = false }), time, auditSink, client);

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<ResidentCount> ResidentCounts => Set<ResidentCount>();

    public DbSet<Compound> Compounds => Set<Compound>();

    public DbSet<Building> Buildings => Set<Building>();

    public DbSet<BuildingUnit> BuildingUnits => Set<BuildingUnit>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Official> Officials => Set<Official>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<Testing.TestingRound> TestingRounds => Set<Testing.TestingRound>();

    public DbSet<Testing.Tube> Tubes => Set<Testing.Tube>();

    public DbSet<Testing.Sample> Samples => Set<Testing.Sample>();

    public DbSet<Testing.ControlOrder> ControlOrders => Set<Testing.ControlOrder>();

    public DbSet<Testing.ResampleTask> ResampleTasks => Set<Testing.ResampleTask>();

    public DbSet<Testing.AntigenReport> AntigenReports => Set<Testing.AntigenReport>();

    public DbSet<Testing.ConfirmationTask> ConfirmationTasks => Set<Testing.ConfirmationTask>();

    public DbSet<Testing.RoundExemption> RoundExemptions => Set<Testing.RoundExemption>();

    public DbSet<Testing.PositivePerson> PositivePersons => Set<Testing.PositivePerson>();

    public DbSet<Testing.SamplingPoint> SamplingPoints => Set<Testing.SamplingPoint>();

    public DbSet<Testing.CommunityAlert> CommunityAlerts => Set<Testing.CommunityAlert>();

    public DbSet<Cases.PolicyVersion> PolicyVersions => Set<Cases.PolicyVersion>();

    public DbSet<Cases.Case> Cases => Set<Cases.Case>();

    public DbSet<Cases.Contact> Contacts => Set<Cases.Contact>();

    public DbSet<Cases.Clusters.CaseLink> CaseLinks => Set<Cases.Clusters.CaseLink>();

    public DbSet<Cases.Clusters.Cluster> Clusters => Set<Cases.Clusters.Cluster>();

    public DbSet<Cases.Investigation.CaseInvestigation> Investigations => Set<Cases.Investigation.CaseInvestigation>();

    public DbSet<Cases.Investigation.CheckIn> CheckIns => Set<Cases.Investigation.CheckIn>();

    public DbSet<Cases.Investigation.ContactCandidate> ContactCandidates => Set<Cases.Investigation.ContactCandidate>();

    public DbSet<Passes.Pass> Passes => Set<Passes.Pass>();

    public DbSet<Passes.PassEvent> PassEvents => Set<Passes.PassEvent>();

    public DbSet<Passes.PassQuota> PassQuotas => Set<Passes.PassQuota>();

    public DbSet<Passes.PassSigningKey> PassSigningKeys => Set<Passes.PassSigningKey>();

    public DbSet<Passes.Checkpoint> Checkpoints => Set<Passes.Checkpoint>();

    public DbSet<Passes.PassScan> PassScans => Set<Passes.PassScan>();

    public DbSet<Accountability.AccountabilityCase> AccountabilityCases => Set<Accountability.AccountabilityCase>();

    public DbSet<Accountability.AccountableOfficial> AccountableOfficials => Set<Accountability.AccountableOfficial>();

    public DbSet<Accountability.PublicNotice> PublicNotices => Set<Accountability.PublicNotice>();

    public DbSet<Supervision.Findings.Finding> Findings => Set<Supervision.Findings.Finding>();

    public DbSet<Supervision.Findings.FindingEvent> FindingEvents => Set<Supervision.Findings.FindingEvent>();

    public DbSet<Supervision.Findings.EvidenceFile> EvidenceFiles => Set<Supervision.Findings.EvidenceFile>();

    public DbSet<Supervision.Findings.EvidenceBlob> EvidenceBlobs => Set<Supervision.Findings.EvidenceBlob>();

    public DbSet<Supervision.Findings.EscalationNotice> EscalationNotices => Set<Supervision.Findings.EscalationNotice>();

    public DbSet<Supervision.Inspections.ChecklistTemplate> ChecklistTemplates => Set<Supervision.Inspections.ChecklistTemplate>();

    public DbSet<Supervision.Inspections.ChecklistItem> ChecklistItems => Set<Supervision.Inspections.ChecklistItem>();

    public DbSet<Supervision.Inspections.Inspection> Inspections => Set<Supervision.Inspections.Inspection>();

    public DbSet<Supervision.Inspections.InspectionResult> InspectionResults => Set<Supervision.Inspections.InspectionResult>();

    public DbSet<Supervision.Detectors.DetectorRun> DetectorRuns => Set<Supervision.Detectors.DetectorRun>();

    public DbSet<Quarantine.QuarantineSite> QuarantineSites => Set<Quarantine.QuarantineSite>();

    public DbSet<Quarantine.SiteSection> SiteSections => Set<Quarantine.SiteSection>();

    public DbSet<Quarantine.QuarantineRoom> QuarantineRooms => Set<Quarantine.QuarantineRoom>();

    public DbSet<Quarantine.HospitalBed> HospitalBeds => Set<Quarantine.HospitalBed>();

    public DbSet<Quarantine.Placement> Placements => Set<Quarantine.Placement>();

    public DbSet<Quarantine.DependantDeclaration> DependantDeclarations => Set<Quarantine.DependantDeclaration>();

    public DbSet<Quarantine.CentralQuarantineDecision> CentralQuarantineDecisions => Set<Quarantine.CentralQuarantineDecision>();

    public DbSet<Quarantine.AllocationRun> AllocationRuns => Set<Quarantine.AllocationRun>();

    public DbSet<Cases.Bulletins.PublishedBulletin> PublishedBulletins => Set<Cases.Bulletins.PublishedBulletin>();

    public DbSet<Quarantine.HomeMonitoring.HomeWatch> HomeWatches => Set<Quarantine.HomeMonitoring.HomeWatch>();

    public DbSet<Quarantine.HomeMonitoring.HomeCheckIn> HomeCheckIns => Set<Quarantine.HomeMonitoring.HomeCheckIn>();

    public DbSet<Quarantine.HomeMonitoring.HomeTest> HomeTests => Set<Quarantine.HomeMonitoring.HomeTest>();

    public DbSet<Quarantine.HomeMonitoring.HomeBreach> HomeBreaches => Set<Quarantine.HomeMonitoring.HomeBreach>();

    public DbSet<Quarantine.Transfers.Vehicle> Vehicles => Set<Quarantine.Transfers.Vehicle>();

    public DbSet<Quarantine.Transfers.TransferTask> TransferTasks => Set<Quarantine.Transfers.TransferTask>();

    public DbSet<Quarantine.Transfers.TransferBatch> TransferBatches => Set<Quarantine.Transfers.TransferBatch>();

    public DbSet<Quarantine.Stay.StayTest> StayTests => Set<Quarantine.Stay.StayTest>();

    public DbSet<Quarantine.Stay.SpaceTurnover> SpaceTurnovers => Set<Quarantine.Stay.SpaceTurnover>();
    public DbSet<ClosedLoop.ClosedLoopGroup> ClosedLoopGroups => Set<ClosedLoop.ClosedLoopGroup>();

    public DbSet<ClosedLoop.ClosedLoopMember> ClosedLoopMembers => Set<ClosedLoop.ClosedLoopMember>();

    public DbSet<ClosedLoop.ClosedLoopBreach> ClosedLoopBreaches => Set<ClosedLoop.ClosedLoopBreach>();

    public DbSet<Cases.CaseClassification> CaseClassifications => Set<Cases.CaseClassification>();

    public DbSet<SocialZero.RegionPopulation> RegionPopulations => Set<SocialZero.RegionPopulation>();

    public DbSet<InfectionFree.InfectionFreeLabel> InfectionFreeLabels => Set<InfectionFree.InfectionFreeLabel>();

    public DbSet<InfectionFree.InfectionFreeNotice> InfectionFreeNotices => Set<InfectionFree.InfectionFreeNotice>();

    public DbSet<Areas.AreaDesignation> AreaDesignations => Set<Areas.AreaDesignation>();

    public DbSet<Areas.AreaProposal> AreaProposals => Set<Areas.AreaProposal>();

    public Jurisdiction Jurisdiction => jurisdiction.Current;

    /// <summary>Read by the query filters; EF turns it into a parameter per query.</summary>
    internal string RegionPrefix => jurisdiction.Current.RegionPrefix;

    /// <summary>The clock, for bulk paths that stamp rows without change tracking.</summary>
    internal TimeProvider Clock => time;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<FangkongUser>(b =>
        {
            b.Property(u => u.RegionCode).HasMaxLength(RegionCode.MaxLength);
            b.Property(u => u.DisplayName).HasMaxLength(FangkongUser.DisplayNameMaxLength);
            b.ToTable("users");
            b.HasIndex(u => u.RegionCode);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRole>().ToTable("roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(FangkongDbContext).Assembly);

        if (Database.IsSqlite())
        {
            StoreTimesAsNumbers(builder, "Fangkong.Testing");
            StoreTimesAsNumbers(builder, "Fangkong.Cases.Investigation");
            StoreTimesAsNumbers(builder, "Fangkong.Passes");
            StoreTimesAsNumbers(builder, "Fangkong.Accountability");
            StoreTimesAsNumbers(builder, "Fangkong.Supervision.Findings");
            StoreTimesAsNumbers(builder, "Fangkong.Supervision.Inspections");
            StoreTimesAsNumbers(builder, "Fangkong.Supervision.Detectors");
            StoreTimesAsNumbers(builder, "Fangkong.Quarantine");
            StoreTimesAsNumbers(builder, "Fangkong.Cases.Bulletins");
            StoreTimesAsNumbers(builder, "Fangkong.Quarantine.HomeMonitoring");
            StoreTimesAsNumbers(builder, "Fangkong.Quarantine.Transfers");
            StoreTimesAsNumbers(builder, "Fangkong.Quarantine.Stay");
            StoreTimesAsNumbers(builder, "Fangkong.ClosedLoop");
            StoreTimesAsNumbers(builder, "Fangkong.SocialZero");
            StoreTimesAsNumbers(builder, "Fangkong.InfectionFree");
            StoreTimesAsNumbers(builder, "Fangkong.Areas");
            StoreTimesAsNumbers(builder, type => type.Namespace?.StartsWith("Fangkong.Livelihood", StringComparison.Ordinal) == true);

            // Moved from SocialZero into Cases (whose other tables keep text times): its column stays a number.
            StoreTimesAsNumbers(builder, type => type == typeof(Cases.CaseClassification));
        }

        var filter = typeof(FangkongDbContext).GetMethod(nameof(FilterByJurisdiction), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IRegionScoped).IsAssignableFrom(t.ClrType)))
        {
            filter.MakeGenericMethod(type.ClrType).Invoke(this, [builder]);
        }
    }

    /// <summary>Times of the given capability's tables as UTC milliseconds on SQLite (see <see cref="UtcMillisecondsConverter"/>).</summary>
    private static void StoreTimesAsNumbers(ModelBuilder builder, string ns) =>
        StoreTimesAsNumbers(builder, type => type.Namespace == ns);

    private static void StoreTimesAsNumbers(ModelBuilder builder, Func<Type, bool> entities)
    {
        var converter = new UtcMillisecondsConverter();
        foreach (var type in builder.Model.GetEntityTypes().Where(t => entities(t.ClrType)))
        {
            foreach (var property in type.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(converter);
            }
        }
    }

    private void FilterByJurisdiction<T>(ModelBuilder builder)
        where T : class, IRegionScoped =>
        builder.Entity<T>().HasQueryFilter(e => e.RegionCode.StartsWith(RegionPrefix));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        JurisdictionGuard.Check(ChangeTracker, jurisdiction.Current);
        StoredValueGuard.Check(ChangeTracker);
        var pending = _audit.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit lines commit together or not at all.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditLog.AddRange(_audit.Complete(pending));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Records a read of one person's full record (or another sensitive read).</summary>
    public Task AuditReadAsync(string entity, string key, string? regionCode, CancellationToken cancellationToken = default) =>
        AppendReadLineAsync(_audit.Read(entity, key, regionCode), cancellationToken);

    /// <summary>Records that a list of people was shown to the caller: the query and which records.</summary>
    public Task AuditSearchAsync(string entity, string query, IReadOnlyCollection<long> ids, string? regionCode, CancellationToken cancellationToken = default) =>
        SearchLinesHeld ? Task.CompletedTask : AppendReadLineAsync(_audit.Search(entity, query, ids, regionCode), cancellationToken);

    /// <summary>Set while an export reads a list page by page: it writes one line for the whole file instead (Web/Exports/ExportReader).</summary>
    public bool SearchLinesHeld { get; set; }

    /// <summary>Records an attempt that was refused (no permission, or a record outside the jurisdiction).</summary>
    public Task AuditRefusedAsync(string entity, string key, string detail, string? regionCode, CancellationToken cancellationToken = default) =>
        AppendReadLineAsync(_audit.Refused(entity, key, detail, regionCode), cancellationToken);

    /// <summary>
    /// Records a bulk operation that bypassed change tracking (imports). Saved through the audited
    /// save: changes the context tracks are stored with their own lines and jurisdiction check, never unseen.
    /// </summary>
    public async Task AuditBulkAsync(string action, string entity, string summary, CancellationToken cancellationToken = default)
    {
        AuditLog.Add(_audit.Bulk(action, entity, summary));
        await SaveChangesAsync(true, cancellationToken);
    }

    /// <summary>
    /// A line that records no change goes to the background writer when the host has one. It is
    /// written here, at once, inside a caller's transaction (all or nothing with it), when tracked
    /// changes are pending (the old behaviour saved them too), or when the writer has stopped.
    /// Pending changes saved with it go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>:
    /// jurisdiction-checked and audited like any other save, never written unseen.
    /// </summary>
    private async Task AppendReadLineAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (auditSink is not null && Database.CurrentTransaction is null && !ChangeTracker.HasChanges()
            && await auditSink.TryEnqueueAsync(entry, cancellationToken))
        {
            return;
        }

        AuditLog.Add(entry);
        await SaveChangesAsync(true, cancellationToken);
    }
}
