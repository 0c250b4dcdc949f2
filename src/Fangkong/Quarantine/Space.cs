using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine;

/// <summary>
/// What a quarantine room and a hospital bed share: a capacity, the people in it, and the
/// turnover state machine (available → occupied → awaiting terminal disinfection → available,
/// out of service apart) with the time of the last change, so that turnover can be measured.
/// A space is occupied from the moment someone is placed in it (reserved while they travel).
/// </summary>
public abstract class Space : IRegionScoped
{
    public const int NumberMaxLength = 20;
    public const int NoteMaxLength = 200;

    protected Space()
    {
        Number = string.Empty;
        RegionCode = string.Empty;
    }

    public long Id { get; protected set; }

    public long SiteId { get; protected set; }

    public long SectionId { get; protected set; }

    /// <summary>The site's region (copied so that the jurisdiction filter needs no join).</summary>
    public string RegionCode { get; protected set; }

    /// <summary>Room or bed number, e.g. "0312" or "A-07".</summary>
    public string Number { get; protected set; }

    public int Capacity { get; protected set; }

    /// <summary>People placed here now (placed or checked in).</summary>
    public int Occupants { get; private set; }

    public SpaceState State { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    /// <summary>True once someone checked in since the last disinfection: a space nobody entered needs none.</summary>
    public bool UsedSinceDisinfection { get; private set; }

    /// <summary>Why a space is out of service.</summary>
    public string? Note { get; private set; }

    protected abstract string What { get; }

    protected void Initialise(DateTimeOffset at)
    {
        State = SpaceState.Available;
        StateChangedAt = at.ToUniversalTime();
    }

    /// <summary>A first occupant: the space must be available.</summary>
    public Error? Occupy(DateTimeOffset at)
    {
        if (State != SpaceState.Available)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.not-available", What, Number, State));
        }

        Occupants = 1;
        SetState(SpaceState.Occupied, at);
        return null;
    }

    /// <summary>A declared dependant joining a carer: the space must already be occupied and have room.</summary>
    public Error? Share(DateTimeOffset at)
    {
        if (State != SpaceState.Occupied || Occupants >= Capacity)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.holds", What, Number, Occupants, Capacity, State));
        }

        Occupants++;
        StateChangedAt = at.ToUniversalTime();
        return null;
    }

    /// <summary>Someone arrived: from now on the space needs terminal disinfection after use.</summary>
    public Error? MarkUsed()
    {
        if (State != SpaceState.Occupied)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.not-occupied", What, Number, State));
        }

        UsedSinceDisinfection = true;
        return null;
    }

    /// <summary>
    /// An occupant left (released, cancelled or moved). When the last one leaves, a used space
    /// awaits terminal disinfection and an unused one (nobody arrived) is available again.
    /// </summary>
    public Error? Vacate(DateTimeOffset at)
    {
        if (State != SpaceState.Occupied || Occupants == 0)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.nobody", What, Number, State));
        }

        Occupants--;
        if (Occupants == 0)
        {
            SetState(UsedSinceDisinfection ? SpaceState.AwaitingDisinfection : SpaceState.Available, at);
        }

        return null;
    }

    /// <summary>终末消毒 done: the space is available again.</summary>
    public Error? Disinfected(DateTimeOffset at)
    {
        if (State != SpaceState.AwaitingDisinfection)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.not-awaiting-disinfection", What, Number, State));
        }

        UsedSinceDisinfection = false;
        SetState(SpaceState.Available, at);
        return null;
    }

    /// <summary>Takes an empty space out of service (repairs, staff use).</summary>
    public Error? TakeOutOfService(DateTimeOffset at, string note)
    {
        if (State == SpaceState.Occupied)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.occupied", What, Number));
        }

        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > NoteMaxLength)
        {
            return Error.Invalid("note", ErrorText.Of("error.quarantine.reason-characters-required-2", NoteMaxLength));
        }

        Note = note.Trim();
        SetState(SpaceState.OutOfService, at);
        return null;
    }

    /// <summary>Back in service: it is disinfected before use, so it awaits disinfection.</summary>
    public Error? ReturnToService(DateTimeOffset at)
    {
        if (State != SpaceState.OutOfService)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.not-out-service", What, Number, State));
        }

        Note = null;
        UsedSinceDisinfection = true;
        SetState(SpaceState.AwaitingDisinfection, at);
        return null;
    }

    private void SetState(SpaceState state, DateTimeOffset at)
    {
        State = state;
        StateChangedAt = at.ToUniversalTime();
    }

    protected static Error? CheckNumber(string? number) =>
        (number?.Trim().Length ?? 0) is 0 or > NumberMaxLength
            ? Error.Invalid("number", ErrorText.Of("error.quarantine.number-characters", NumberMaxLength))
            : null;
}
