using System.Text;
using Fangkong.Common;

namespace Fangkong.Persons;

/// <summary>
/// Reads a persons import file (UTF-8 CSV, RFC 4180). The header names the columns, in any
/// order, by their English names or Chinese aliases:
/// <c>id_number</c> (身份证号/证件号码), <c>name</c> (姓名), <c>sex</c> (性别), <c>birth_date</c> (出生日期),
/// <c>phone</c> (手机号/联系电话), <c>region_code</c> (区划代码), <c>compound</c> (小区), <c>building</c> (楼栋),
/// <c>unit</c> (单元), <c>room</c> (房间/门牌号), <c>household_no</c> (户号); optional
/// <c>document_type</c> (证件类型) and <c>health_code</c> (健康码). Records stream; nothing is held
/// beyond the current one.
/// </summary>
public sealed class PersonCsvReader : IDisposable
{
    /// <summary>Columns every file must have.</summary>
    public static readonly IReadOnlyList<PersonColumn> Required =
    [
        PersonColumn.IdNumber, PersonColumn.Name, PersonColumn.Sex, PersonColumn.BirthDate, PersonColumn.Phone,
        PersonColumn.RegionCode, PersonColumn.Compound, PersonColumn.Building, PersonColumn.Unit, PersonColumn.Room,
        PersonColumn.HouseholdNo,
    ];

    private static readonly Dictionary<string, PersonColumn> Names = BuildNames();
    private static readonly int ColumnCount = Enum.GetValues<PersonColumn>().Length;

    private readonly TextReader _reader;
    private readonly CsvTokenizer _tokenizer;
    private readonly int[] _positionOf = new int[ColumnCount];
    private readonly List<ImportError> _headerErrors = [];
    private int _headerCount;

    public PersonCsvReader(TextReader reader)
    {
        _reader = reader;
        _tokenizer = new CsvTokenizer(reader);
        ReadHeader();
    }

    /// <summary>Problems with the header (missing, unknown or repeated columns). Records are not read when there are any.</summary>
    public IReadOnlyList<ImportError> HeaderErrors => _headerErrors;

    /// <summary>Opens a UTF-8 file (a byte order mark is skipped).</summary>
    public static PersonCsvReader Open(string path) =>
        new(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 }));

    /// <summary>The canonical (English) name of a column, as used in error reports.</summary>
    public static string NameOf(PersonColumn column) => column switch
    {
        PersonColumn.IdNumber => "id_number",
        PersonColumn.Name => "name",
        PersonColumn.Sex => "sex",
        PersonColumn.BirthDate => "birth_date",
        PersonColumn.Phone => "phone",
        PersonColumn.RegionCode => "region_code",
        PersonColumn.Compound => "compound",
        PersonColumn.Building => "building",
        PersonColumn.Unit => "unit",
        PersonColumn.Room => "room",
        PersonColumn.HouseholdNo => "household_no",
        PersonColumn.DocumentType => "document_type",
        PersonColumn.HealthCode => "health_code",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>The data records, in file order; blank lines are skipped.</summary>
    /// <exception cref="FormatException">The CSV itself is malformed (an unclosed quote).</exception>
    public IEnumerable<PersonCsvRecord> ReadRecords()
    {
        if (_headerErrors.Count > 0)
        {
            yield break;
        }

        var fields = new List<string>(ColumnCount);
        while (_tokenizer.TryRead(fields))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var values = new string?[ColumnCount];
            for (var c = 0; c < ColumnCount; c++)
            {
                var position = _positionOf[c];
                if (position >= 0 && position < fields.Count)
                {
                    var value = fields[position].Trim();
                    values[c] = value.Length == 0 ? null : value;
                }
            }

            yield return new PersonCsvRecord(_tokenizer.RecordLine, values, fields.Count, _headerCount);
        }
    }

    public void Dispose() => _reader.Dispose();

    private void ReadHeader()
    {
        Array.Fill(_positionOf, -1);
        var fields = new List<string>();
        if (!_tokenizer.TryRead(fields))
        {
            _headerErrors.Add(new ImportError(1, "header", ErrorText.Of("error.persons.file-empty-expected-header-line")));
            return;
        }

        _headerCount = fields.Count;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Trim().TrimStart('\uFEFF');
            if (!Names.TryGetValue(name, out var column))
            {
                _headerErrors.Add(new ImportError(1, name, ErrorText.Of("error.persons.unknown-column", name)));
            }
            else if (_positionOf[(int)column] >= 0)
            {
                _headerErrors.Add(new ImportError(1, name, ErrorText.Of("error.persons.column-appears-twice", NameOf(column))));
            }
            else
            {
                _positionOf[(int)column] = i;
            }
        }

        foreach (var column in Required.Where(c => _positionOf[(int)c] < 0))
        {
            _headerErrors.Add(new ImportError(1, NameOf(column), ErrorText.Of("error.persons.missing-column", NameOf(column))));
        }
    }

    private static Dictionary<string, PersonColumn> BuildNames()
    {
        var names = new Dictionary<string, PersonColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Enum.GetValues<PersonColumn>())
        {
            names[NameOf(column)] = column;
        }

        void Alias(PersonColumn column, params string[] aliases)
        {
            foreach (var alias in aliases)
            {
                names[alias] = column;
            }
        }

        Alias(PersonColumn.IdNumber, "身份证号", "身份证号码", "证件号码", "证件号", "document_number");
        Alias(PersonColumn.Name, "姓名");
        Alias(PersonColumn.Sex, "性别");
        Alias(PersonColumn.BirthDate, "出生日期");
        Alias(PersonColumn.Phone, "手机号", "手机号码", "联系电话");
        Alias(PersonColumn.RegionCode, "区划代码", "行政区划代码");
        Alias(PersonColumn.Compound, "小区");
        Alias(PersonColumn.Building, "楼栋", "楼号");
        Alias(PersonColumn.Unit, "单元");
        Alias(PersonColumn.Room, "房间", "房间号", "门牌号");
        Alias(PersonColumn.HouseholdNo, "户号");
        Alias(PersonColumn.DocumentType, "证件类型");
        Alias(PersonColumn.HealthCode, "健康码", "健康码颜色");
        return names;
    }
}
