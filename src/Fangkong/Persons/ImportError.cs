using Fangkong.Common;

namespace Fangkong.Persons;

/// <summary>One problem in an import file: the line it starts on (the header is line 1), the column and why.</summary>
public sealed record ImportError(long Line, string Field, string Reason)
{
    public override string ToString() => ErrorText.Of("error.persons.at-line-column", Line, Field).WithDetail(Reason).Render();
}
