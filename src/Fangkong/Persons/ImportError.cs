namespace Fangkong.Persons;

/// <summary>One problem in an import file: the line it starts on (the header is line 1), the column and why.</summary>
public sealed record ImportError(long Line, string Field, string Reason)
{
    public override string ToString() => $"第 {Line} 行 (line {Line}) {Field}: {Reason}";
}
