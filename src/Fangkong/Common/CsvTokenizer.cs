using System.Text;

namespace Fangkong.Common;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, double quotes around fields that hold
/// commas, quotes or line breaks, "" for a quote inside them, CRLF or LF line ends. It keeps
/// the physical line number where each record starts, so that errors can name it.
/// </summary>
internal sealed class CsvTokenizer(TextReader reader)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private long _line = 1;

    /// <summary>The line the last record read starts on (1-based).</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or text follows its closing quote.</exception>
    public bool TryRead(List<string> fields)
    {
        fields.Clear();
        RecordLine = _line;
        var c = Next();
        if (c < 0)
        {
            return false;
        }

        while (true)
        {
            _field.Clear();
            if (c == '"')
            {
                c = ReadQuoted();
            }
            else
            {
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    _field.Append((char)c);
                    c = Next();
                }
            }

            fields.Add(_field.ToString());
            if (c == ',')
            {
                c = Next();
                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                Next();
            }

            if (c >= 0)
            {
                _line++;
            }

            return true;
        }
    }

    /// <summary>Reads a quoted field after its opening quote; returns the character after the closing quote.</summary>
    private int ReadQuoted()
    {
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                throw new FormatException(ErrorText.Of("error.common.line-quoted-field-not-closed", RecordLine));
            }

            if (c == '"')
            {
                if (Peek() == '"')
                {
                    Next();
                    _field.Append('"');
                    continue;
                }

                var after = Next();
                return after is ',' or '\r' or '\n' or -1
                    ? after
                    : throw new FormatException(ErrorText.Of("error.common.line-text-after-closing-quote", _line));
            }

            if (c == '\n')
            {
                _line++;
            }

            _field.Append((char)c);
        }
    }

    private int Next()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
