using System;
using System.Globalization;
using System.Text;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Reads a buffer size out of configuration text the way the library that receives it does: an Npgsql connection
    /// string (System.Data.Common's connection-string syntax, Npgsql's keywords) and a librdkafka configuration value
    /// (<c>strtol(value, &amp;end, 0)</c>). docs/library-knobs.md lists the measured behaviour each rule follows.
    /// </summary>
    internal static class ConnectionStrings
    {
        /// <summary>librdkafka's range for socket.receive.buffer.bytes / socket.send.buffer.bytes (rdkafka_conf.c:588-594).</summary>
        public const long KafkaMaximum = 100000000;

        /// <summary>
        /// The value of an Npgsql keyword (its display name, "Socket Receive Buffer Size", or its property name,
        /// "SocketReceiveBufferSize", in any case; the last occurrence of either wins). False when the keyword is absent or
        /// when Npgsql would refuse the string (the connection then fails: nothing reaches a socket).
        /// </summary>
        public static bool TryGetNpgsqlSize(string connectionString, string keyword, out long value)
        {
            value = 0;
            var alias = keyword.Replace(" ", string.Empty);
            string? found = null;
            var position = 0;
            while (true)
            {
                var pair = NextPair(connectionString, ref position, out var key, out var text);
                if (pair == PairResult.End)
                {
                    break;
                }

                if (pair == PairResult.Malformed)
                {
                    return false;
                }

                if (string.Equals(key, keyword, StringComparison.OrdinalIgnoreCase) || string.Equals(key, alias, StringComparison.OrdinalIgnoreCase))
                {
                    found = text;
                }
            }

            // Npgsql converts with the invariant culture: surrounding spaces and a sign are accepted, hex and suffixes are not.
            if (found == null || !int.TryParse(found, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return false;
            }

            value = parsed;
            return true;
        }

        /// <summary>
        /// C <c>strtol(text, &amp;end, 0)</c>: leading white space, an optional sign, then hexadecimal after "0x", octal after
        /// "0", decimal otherwise; parsing stops at the first other character ("24k" is 24). False when no digit was read (strtol then
        /// gives 0 with end == text; librdkafka rejects that as "Invalid value").
        /// </summary>
        public static bool TryParseCInteger(string text, out long value)
        {
            value = 0;
            var i = 0;
            while (i < text.Length && IsCSpace(text[i]))
            {
                i++;
            }

            var negative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                negative = text[i] == '-';
                i++;
            }

            var radix = 10;
            if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X') && i + 2 < text.Length && Digit(text[i + 2], 16) >= 0)
            {
                radix = 16;
                i += 2;
            }
            else if (i < text.Length && text[i] == '0')
            {
                radix = 8;
            }

            var digits = 0;
            var overflow = false;
            long magnitude = 0;
            for (; i < text.Length; i++)
            {
                var digit = Digit(text[i], radix);
                if (digit < 0)
                {
                    break;
                }

                digits++;
                if (!overflow)
                {
                    if (magnitude > (long.MaxValue - digit) / radix)
                    {
                        overflow = true;
                    }
                    else
                    {
                        magnitude = (magnitude * radix) + digit;
                    }
                }
            }

            if (digits == 0)
            {
                return false;
            }

            // Out of range strtol returns LONG_MAX / LONG_MIN (and ERANGE), which every caller here rejects as out of range.
            value = overflow ? (negative ? long.MinValue : long.MaxValue) : (negative ? -magnitude : magnitude);
            return true;
        }

        /// <summary>A librdkafka socket buffer value: strtol, then its range 0..100000000 (outside it Build() throws, so nothing reaches a socket).</summary>
        public static bool TryParseKafkaSize(string text, out long value) =>
            TryParseCInteger(text, out value) && value >= 0 && value <= KafkaMaximum;

        private enum PairResult
        {
            Pair,
            End,
            Malformed,
        }

        /// <summary>
        /// One key=value pair of a connection string (System.Data.Common rules): pairs end at ';', keys and unquoted values are trimmed,
        /// "==" in a key is a literal '=', a value may be quoted with ' or " (a doubled quote is a literal quote).
        /// </summary>
        private static PairResult NextPair(string text, ref int position, out string key, out string value)
        {
            key = string.Empty;
            value = string.Empty;
            while (position < text.Length && (char.IsWhiteSpace(text[position]) || text[position] == ';'))
            {
                position++;
            }

            if (position >= text.Length)
            {
                return PairResult.End;
            }

            var keyBuilder = new StringBuilder();
            while (true)
            {
                if (position >= text.Length || text[position] == ';')
                {
                    return PairResult.Malformed; // a key without '='
                }

                if (text[position] == '=')
                {
                    if (position + 1 < text.Length && text[position + 1] == '=')
                    {
                        keyBuilder.Append('=');
                        position += 2;
                        continue;
                    }

                    position++;
                    break;
                }

                keyBuilder.Append(text[position++]);
            }

            key = keyBuilder.ToString().Trim();
            if (key.Length == 0)
            {
                return PairResult.Malformed;
            }

            while (position < text.Length && char.IsWhiteSpace(text[position]) && text[position] != ';')
            {
                position++;
            }

            if (position < text.Length && (text[position] == '"' || text[position] == '\''))
            {
                var quote = text[position++];
                var valueBuilder = new StringBuilder();
                while (true)
                {
                    if (position >= text.Length)
                    {
                        return PairResult.Malformed; // unterminated quote
                    }

                    if (text[position] == quote)
                    {
                        if (position + 1 < text.Length && text[position + 1] == quote)
                        {
                            valueBuilder.Append(quote);
                            position += 2;
                            continue;
                        }

                        position++;
                        break;
                    }

                    valueBuilder.Append(text[position++]);
                }

                while (position < text.Length && char.IsWhiteSpace(text[position]))
                {
                    position++;
                }

                if (position < text.Length && text[position] != ';')
                {
                    return PairResult.Malformed; // text after the closing quote
                }

                value = valueBuilder.ToString();
                return PairResult.Pair;
            }

            var start = position;
            while (position < text.Length && text[position] != ';')
            {
                position++;
            }

            value = text.Substring(start, position - start).Trim();
            return PairResult.Pair;
        }

        private static bool IsCSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';

        private static int Digit(char c, int radix)
        {
            var digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'z' ? c - 'a' + 10
                : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                : -1;
            return digit >= 0 && digit < radix ? digit : -1;
        }
    }
}
