// Valence of emoji and emoticons, written for this project on the same −4..4 scale as the word
// lexicons. Skin-tone modifiers and variation selectors are stripped by the tokenizer before lookup.

const EMOJI = `
3.5: 😍 🥰 😻 ❤ 💖 💗 💓 💞 💕 💘 💝 😘 🤩 🥳 🎉 🎊 🏆 💯
3.0: 😂 🤣 😁 😄 😃 😊 ☺ 😀 😆 😋 😎 🤗 💙 💚 💛 💜 🧡 🤍 🖤 ❣ 💋 🙌 👏 👌 👍 ✨ 🌟 ⭐ 🔥 💪 🙏 ✅ 🍾 🥂 🌈 😇
2.0: 🙂 😉 😌 😏 😜 😝 😛 🤪 😺 😸 😹 👋 ✌ 🤞 🤙 💐 🌹 🌸 🌺 ☀ 🌞 🎁 🎂 🍀 👑 💎 🚀 🆒 🆗 🤓 😅 🥲 ☕ 🍻 🍺 🍷
-1.0: 😐 😑 😶 🙄 🤔 🤨 😬 😮 😯 😲 😳 🥴 😴 💤 ⚠ ❓ ❗ ‼
-2.0: 🙁 ☹ 😕 😟 😔 😞 😒 😓 😥 😪 😫 😩 🥺 😖 😣 🤦 🤷 👎 💔 🥶 🥵 🤧 😷 🤒 🤕 ❌ 🚫 ⛔ 🛑 📉 💸 🌧 ⛈ 💩 🙈
-3.0: 😢 😭 😿 😠 😡 🤬 😤 😨 😰 😱 🤮 🤢 💀 ☠ 👿 😈 🖕 😵 💣 🔪 ⚰ 🚨
`;

const EMOTICONS = `
3.0: <3 :D xd XD
2.5: :) (: :] :} ^^ ^_^ x) :* ;*
1.5: ;) ;D :p :P 8)
-1.0: :| :o :O o_O O_o :s :S :/ :\\ :l :L
-2.0: :( ): :[ :{ :c :C -_- :@ >:(
-3.0: :'( T_T </3 ;(
`;

function parse(text: string, caseSensitive: boolean): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    const value = Number(line.slice(0, colon));
    for (const item of line.slice(colon + 2).split(/\s+/)) if (item) map.set(caseSensitive ? item : item.toLowerCase(), value);
  }
  return map;
}

export const EMOJI_VALENCE: ReadonlyMap<string, number> = parse(EMOJI, true);
const emoticons = parse(EMOTICONS, true);

/** Valence of a normalised emoticon (see tokenize.ts); "D" and "P" keep their case, the rest is exact. */
export function emoticonValence(norm: string): number {
  return emoticons.get(norm) ?? emoticons.get(norm.toLowerCase()) ?? 0;
}
