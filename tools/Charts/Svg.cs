using System.Globalization;
using System.Text;

namespace SocketBufferAnalyzers.Charts
{
    /// <summary>A minimal SVG writer: indented elements, escaped text, "\n" line ends whatever the platform.</summary>
    internal sealed class Svg
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _depth;

        /// <summary>A coordinate with at most two decimals, invariant culture: "92", "604.5", "-0.25".</summary>
        public static string Number(double value)
        {
            var rounded = System.Math.Round(value, 2);
            return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
        }

        public void Open(string name, params (string Name, string Value)[] attributes)
        {
            StartTag(name, attributes);
            _text.Append(">\n");
            _depth++;
        }

        public void Close(string name)
        {
            _depth--;
            Indent();
            _text.Append("</").Append(name).Append(">\n");
        }

        public void Empty(string name, params (string Name, string Value)[] attributes)
        {
            StartTag(name, attributes);
            _text.Append("/>\n");
        }

        public void Element(string name, string content, params (string Name, string Value)[] attributes)
        {
            StartTag(name, attributes);
            _text.Append('>').Append(Escape(content)).Append("</").Append(name).Append(">\n");
        }

        public override string ToString() => _text.ToString();

        private void StartTag(string name, (string Name, string Value)[] attributes)
        {
            Indent();
            _text.Append('<').Append(name);
            foreach (var (attribute, value) in attributes)
            {
                _text.Append(' ').Append(attribute).Append("=\"").Append(Escape(value)).Append('"');
            }
        }

        private void Indent() => _text.Append(' ', 2 * _depth);

        private static string Escape(string text) =>
            text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
    }
}
