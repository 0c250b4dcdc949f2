namespace Fangkong.Persons;

/// <summary>What a provider's loader did, before timing and auditing.</summary>
internal readonly record struct LoadCounts(long Rows, long Inserted, int Compounds, int Buildings, int Units);
