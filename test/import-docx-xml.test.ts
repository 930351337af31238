/**
 * A Word file's XML parsed on htmlparser2's tokenizer (readers/xml-parse.ts) gives the events htmlparser2's Parser
 * gives in XML mode, as the Word reader used them before: the same elements opened and closed in the same order, the
 * same text, the same values of the attributes read. Replayed on seeded mixes of the markup Word writes and of what a
 * damaged or hand-edited file holds (names in any case, end tags that close nothing or close several elements, a
 * document cut anywhere, entities, CDATA, comments).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Parser } from 'htmlparser2';
import { parseXml } from '../server/src/core/import/readers/xml-parse';
import { seededMixes } from './import-helpers';

const ELEMENTS = ['w:p', 'w:t', 'w:tc', 'w:gridspan', 'w:vmerge', 'w:br', 'mc:fallback', 'w:k', 'w:i'];
const ATTRIBUTES = ['w:val', 'w:type'];

const byParser = (xml: string) => {
  const events: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        const element = ELEMENTS.indexOf(name);
        events.push(`<${element}` + (element === -1 ? '' : ATTRIBUTES.map((a) => ` ${attributes[a]}`).join('')));
      },
      onclosetag: (name) => events.push(`>${ELEMENTS.indexOf(name)}`),
      ontext: (text) => events.push(`"${text}`),
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(xml);
  parser.end();
  return events;
};

const byTokens = (xml: string) => {
  const events: string[] = [];
  parseXml(xml, ELEMENTS, ATTRIBUTES, {
    onopen: (element, values) => events.push(`<${element}` + (element === -1 ? '' : values.map((v) => ` ${v}`).join(''))),
    onclose: (element) => events.push(`>${element}`),
    ontext: (text) => events.push(`"${text}`),
  });
  return events;
};

const PIECES = [
  '<w:p>', '</w:p>', '<W:P>', '</W:p>', '<w:p/>', '<w:t xml:space="preserve">', '<w:t>', '</w:t>', '<w:t/>', '<w:tc>', '</w:tc>', '<w:r>', '</w:r>', '</w:zz>',
  '<w:gridSpan w:val="3"/>', '<w:gridSpan W:VAL="2" w:val="5"/>', '<w:gridSpan w:val/>', '<w:gridSpan w:val=7 >', '</w:gridSpan>', '<w:vMerge/>',
  "<w:vMerge w:val='restart'>", '<w:vMerge w:val="&#114;estart"/>', '</w:vmerge>', '<w:br w:type="page"/>', '<w:BR W:Type="column" w:val="x"/>', '<w:br/>',
  '<w:rFonts w:ascii="宋体" w:val="x" w:type="y"/>', '<mc:Fallback>', '</mc:FALLBACK>', '<w:\u212a>', '</w:K>', '<w:k>', '<w:\u0130>', '</w:i\u0307>', '<w:i>', '</w:I>',
  '<!-- c -->', '<![CDATA[a<b]]>', '<?xml version="1.0"?>', '<!DOCTYPE x>', '&amp;', '&lt;', '&#20013;', '&#x1F600;', '&bogus;', '&nbsp;', '中文', 'text', ' ',
  '<', '</>', '< w:p>', '<w:p', '"', '>', '/>',
];

describe("a Word file's XML parsed on the tokenizer gives the events of htmlparser2's Parser in XML mode", () => {
  it('on every piece of markup the Parser treats apart, in a seeded mix of them, cut anywhere', () => {
    for (const xml of seededMixes(PIECES, { seed: 11, count: 3000, cutShare: 0.2 })) assert.deepEqual(byTokens(xml), byParser(xml), xml);
  });

  it('an element cut in its start tag at the end is closed without having been opened, as the Parser does', () => {
    const xml = '<w:p><w:t>一、总体情况</w:t><w:tc w:val="2';
    assert.deepEqual(byTokens(xml), byParser(xml));
    assert.deepEqual(byTokens(xml).slice(-2), ['>2', '>0']);
  });
});
