using System.Globalization;
using Fangkong.Access;
using Fangkong.Regions;
using Fangkong.Residences;
using Fangkong.Common;

namespace Fangkong.Persons;

/// <summary>
/// Checks one record of a persons file and turns it into a <see cref="PersonRow"/>: a resident ID
/// must pass the GB 11643 checksum and agree with the given sex and birth date (which it supplies
/// when they are left empty), a phone is an 11-digit mainland mobile number, the region exists,
/// lies in the jurisdiction and is a community/village or at least a township, and no document
/// appears twice in the file. One instance per pass over a file (it remembers the documents seen).
/// </summary>
/// <param name="regionExists">Whether a (normalised) region code is in the region registry.</param>
/// <param name="jurisdiction">The importer's jurisdiction: rows outside it are refused.</param>
public sealed class PersonRowValidator(Func<string, bool> regionExists, Jurisdiction jurisdiction)
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-M-d", "yyyy/M/d", "yyyy.MM.dd", "yyyy.M.d"];

    // Resident IDs (nearly every row) are kept as numbers to keep a million-row file's key set small.
    private readonly Dictionary<long, long> _residentIds = [];
    private readonly Dictionary<string, long> _otherDocuments = new(StringComparer.Ordinal);

    /// <summary>Validates <paramref name="record"/>; adds its problems to <paramref name="errors"/> and returns null if it has any.</summary>
    public PersonRow? Validate(PersonCsvRecord record, List<ImportError> errors)
    {
        var before = errors.Count;
        var line = record.Line;
        void Fail(PersonColumn column, string reason) => errors.Add(new ImportError(line, PersonCsvReader.NameOf(column), reason));

        if (record.FieldCount != record.ExpectedFieldCount)
        {
            errors.Add(new ImportError(line, "row", ErrorText.Of("error.persons.expected-fields-found", record.ExpectedFieldCount, record.FieldCount)));
            return null;
        }

        var documentType = DocumentType.ResidentId;
        if (record[PersonColumn.DocumentType] is { } typeText && !TryParseDocumentType(typeText, out documentType))
        {
            Fail(PersonColumn.DocumentType, ErrorText.Of("error.persons.unknown-document-type", typeText));
        }

        IdNumber? id = null;
        var documentNumber = record[PersonColumn.IdNumber]?.ToUpperInvariant();
        if (documentNumber is null)
        {
            Fail(PersonColumn.IdNumber, ErrorText.Of("error.persons.document-number-required"));
        }
        else if (documentType == DocumentType.ResidentId)
        {
            if (!IdNumber.TryParse(documentNumber, out id, out var idError))
            {
                Fail(PersonColumn.IdNumber, ErrorText.Of("error.persons.invalid-resident-id", idError));
            }
        }
        else if (documentNumber.Length > Person.DocumentNumberMaxLength || !documentNumber.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            Fail(PersonColumn.IdNumber, ErrorText.Of("error.persons.document-number-most-letters-digits", Person.DocumentNumberMaxLength));
        }

        var name = record[PersonColumn.Name];
        if (name is null)
        {
            Fail(PersonColumn.Name, ErrorText.Of("error.persons.name-required"));
        }
        else if (name.Length > Person.NameMaxLength)
        {
            Fail(PersonColumn.Name, ErrorText.Of("error.persons.name-longer-characters", Person.NameMaxLength));
        }

        var sex = id?.Sex ?? Sex.Unknown;
        if (record[PersonColumn.Sex] is { } sexText)
        {
            if (!TryParseSex(sexText, out var given))
            {
                Fail(PersonColumn.Sex, ErrorText.Of("error.persons.sex-not-recognised", sexText));
            }
            else if (id is not null && given != id.Sex)
            {
                Fail(PersonColumn.Sex, $"性别与身份证号不符 (sex {sexText} does not match the ID number, which says {(id.Sex == Sex.Male ? "男 male" : "女 female")})");
            }
            else
            {
                sex = given;
            }
        }

        var birthDate = id?.BirthDate;
        if (record[PersonColumn.BirthDate] is { } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
            {
                Fail(PersonColumn.BirthDate, ErrorText.Of("error.persons.birth-date-not-date-such", dateText));
            }
            else if (id is not null && given != id.BirthDate)
            {
                Fail(PersonColumn.BirthDate, ErrorText.Of("error.persons.birth-date-does-not-match", given, id.BirthDate));
            }
            else
            {
                birthDate = given;
            }
        }

        if (birthDate is { } b && (b < Earliest || b > DateOnly.FromDateTime(DateTime.Today)))
        {
            Fail(PersonColumn.BirthDate, ErrorText.Of("error.persons.birth-date-before-future", b));
        }

        string? phone = null;
        if (record[PersonColumn.Phone] is { } phoneText)
        {
            phone = NormalisePhone(phoneText);
            if (phone is null)
            {
                Fail(PersonColumn.Phone, ErrorText.Of("error.persons.phone-not-digit-mainland-mobile", phoneText));
            }
        }

        string? region = null;
        var regionText = record[PersonColumn.RegionCode];
        if (regionText is null)
        {
            Fail(PersonColumn.RegionCode, ErrorText.Of("error.persons.region-code-required"));
        }
        else if (!RegionCode.TryParse(regionText, out var code))
        {
            Fail(PersonColumn.RegionCode, ErrorText.Of("error.persons.not-region-code", regionText));
        }
        else if (code.Level < RegionLevel.Township)
        {
            Fail(PersonColumn.RegionCode, ErrorText.Of("error.persons.region-person-lives-community-village", code, code.Level));
        }
        else if (!jurisdiction.Covers(code.Value))
        {
            Fail(PersonColumn.RegionCode, ErrorText.Of("error.persons.region-outside-jurisdiction", code, jurisdiction.RegionPrefix));
        }
        else if (!regionExists(code.Value))
        {
            Fail(PersonColumn.RegionCode, ErrorText.Of("error.persons.region-not-region-registry", code));
        }
        else
        {
            region = code.Value;
        }

        var compound = Checked(record, PersonColumn.Compound, Compound.NameMaxLength, Fail);
        var building = Checked(record, PersonColumn.Building, Building.NameMaxLength, Fail);
        var unit = Checked(record, PersonColumn.Unit, BuildingUnit.NameMaxLength, Fail);
        var room = Checked(record, PersonColumn.Room, Person.RoomMaxLength, Fail);
        var household = Checked(record, PersonColumn.HouseholdNo, Person.HouseholdNoMaxLength, Fail);
        if (building is not null && compound is null)
        {
            Fail(PersonColumn.Building, ErrorText.Of("error.persons.building-needs-compound"));
        }

        if (unit is not null && building is null)
        {
            Fail(PersonColumn.Unit, ErrorText.Of("error.persons.unit-needs-building"));
        }

        HealthCode? healthCode = null;
        if (record[PersonColumn.HealthCode] is { } codeText)
        {
            if (TryParseHealthCode(codeText, out var parsed))
            {
                healthCode = parsed;
            }
            else
            {
                Fail(PersonColumn.HealthCode, ErrorText.Of("error.persons.health-code-not-recognised", codeText));
            }
        }

        if (documentNumber is not null && errors.Count == before)
        {
            var first = SeenBefore(documentType, id, documentNumber, line);
            if (first > 0)
            {
                Fail(PersonColumn.IdNumber, ErrorText.Of("error.persons.same-document-already-line", first));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new PersonRow(documentType, documentNumber!, name!, sex, birthDate, phone, region!, compound, building, unit, room, household, healthCode);
    }

    /// <summary>Accepts 11-digit mobiles, with an optional +86/86 prefix and spaces or dashes.</summary>
    public static string? NormalisePhone(string text)
    {
        Span<char> digits = stackalloc char[16];
        var n = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c == '+' && n == 0)
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || n == digits.Length)
            {
                return null;
            }

            digits[n++] = c;
        }

        var s = new string(digits[..n]);
        if (s.Length == 13 && s.StartsWith("86", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        return s.Length == 11 && s[0] == '1' && s[1] is >= '3' and <= '9' ? s : null;
    }

    public static bool TryParseSex(string text, out Sex sex)
    {
        sex = text.Trim().ToUpperInvariant() switch
        {
            "男" or "M" or "MALE" or "1" => Sex.Male,
            "女" or "F" or "FEMALE" or "2" => Sex.Female,
            _ => Sex.Unknown,
        };
        return sex != Sex.Unknown;
    }

    public static bool TryParseDocumentType(string text, out DocumentType type)
    {
        var t = text.Trim();
        if (Enum.TryParse(t, ignoreCase: true, out type) && !int.TryParse(t, out _))
        {
            return true;
        }

        (var ok, type) = t switch
        {
            "居民身份证" or "身份证" => (true, DocumentType.ResidentId),
            "护照" => (true, DocumentType.Passport),
            "港澳居民来往内地通行证" or "港澳通行证" => (true, DocumentType.HongKongMacaoPermit),
            "台湾居民来往大陆通行证" or "台胞证" => (true, DocumentType.TaiwanPermit),
            "外国人永久居留身份证" or "外国人永久居留证" => (true, DocumentType.ForeignPermanentResident),
            "其他" => (true, DocumentType.Other),
            _ => (false, DocumentType.ResidentId),
        };
        return ok;
    }

    public static bool TryParseHealthCode(string text, out HealthCode code)
    {
        var t = text.Trim();
        if (Enum.TryParse(t, ignoreCase: true, out code) && !int.TryParse(t, out _))
        {
            return true;
        }

        (var ok, code) = t switch
        {
            "绿" or "绿码" => (true, HealthCode.Green),
            "黄" or "黄码" => (true, HealthCode.Yellow),
            "红" or "红码" => (true, HealthCode.Red),
            _ => (false, HealthCode.Green),
        };
        return ok;
    }

    private static string? Checked(PersonCsvRecord record, PersonColumn column, int maxLength, Action<PersonColumn, string> fail)
    {
        var value = record[column];
        if (value is not null && value.Length > maxLength)
        {
            fail(column, ErrorText.Of("error.persons.longer-characters", PersonCsvReader.NameOf(column), maxLength));
            return null;
        }

        return value;
    }

    /// <summary>Records the document; returns the line it was first seen on, or 0 when new.</summary>
    private long SeenBefore(DocumentType type, IdNumber? id, string number, long line)
    {
        if (id is not null)
        {
            // 17 digits and a check character (X = 10) fit a long: digits * 11 + check.
            var key = (long.Parse(id.Value.AsSpan(0, 17), CultureInfo.InvariantCulture) * 11) + (id.Value[17] == 'X' ? 10 : id.Value[17] - '0');
            return _residentIds.TryAdd(key, line) ? 0 : _residentIds[key];
        }

        var text = $"{type}|{number}";
        return _otherDocuments.TryAdd(text, line) ? 0 : _otherDocuments[text];
    }
}
