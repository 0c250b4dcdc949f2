namespace Fangkong.Persons;

/// <summary>One data record of a persons file: its line, and its trimmed values by column (null when the file has no such column).</summary>
public sealed class PersonCsvRecord
{
    private readonly string?[] _values;

    internal PersonCsvRecord(long line, string?[] values, int fieldCount, int expectedFieldCount)
    {
        Line = line;
        _values = values;
        FieldCount = fieldCount;
        ExpectedFieldCount = expectedFieldCount;
    }

    public long Line { get; }

    /// <summary>How many fields the record has; differs from <see cref="ExpectedFieldCount"/> when the line is malformed.</summary>
    public int FieldCount { get; }

    public int ExpectedFieldCount { get; }

    /// <summary>The value, trimmed; null when the column is absent or the field is empty.</summary>
    public string? this[PersonColumn column] => _values[(int)column];
}
