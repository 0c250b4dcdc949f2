namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// One table as the drift test compares it, read either from the EF model or from a live
/// database's catalogue. Names are the store's (snake case); types are as each side spells them
/// and are normalised by <see cref="StoreTypes"/> when compared.
/// </summary>
internal sealed record TableShape(
    string Name,
    IReadOnlyDictionary<string, ColumnShape> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IndexShape> Indexes,
    IReadOnlyList<ForeignKeyShape> ForeignKeys);

/// <summary>A column: its store type, its maximum length where the type has one, and whether it takes NULL.</summary>
internal sealed record ColumnShape(string Name, string StoreType, int? MaxLength, bool IsNullable);

/// <summary>An index or unique constraint; <paramref name="IsPartial"/> when it has a WHERE filter.</summary>
internal sealed record IndexShape(string Name, IReadOnlyList<string> Columns, bool IsUnique, bool IsPartial)
{
    public string Describe() => $"{(IsUnique ? "unique " : string.Empty)}index ({string.Join(", ", Columns)}){(IsPartial ? " filtered" : string.Empty)}";
}

/// <summary>A foreign key; <paramref name="OnDelete"/> is one of <see cref="DeleteRule"/>'s values.</summary>
internal sealed record ForeignKeyShape(
    string Name,
    IReadOnlyList<string> Columns,
    string PrincipalTable,
    IReadOnlyList<string> PrincipalColumns,
    string OnDelete)
{
    public string Target => $"{PrincipalTable} ({string.Join(", ", PrincipalColumns)})";

    public string Describe() => $"foreign key ({string.Join(", ", Columns)}) -> {Target} on delete {OnDelete}";
}

/// <summary>
/// What a delete of the referenced row does. RESTRICT and NO ACTION both refuse the delete (they
/// differ only in when, within a statement, the check runs), so both are "refuse".
/// </summary>
internal static class DeleteRule
{
    public const string Refuse = "refuse";
    public const string Cascade = "cascade";
    public const string SetNull = "set null";
    public const string SetDefault = "set default";
}
