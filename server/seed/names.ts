/**
 * Names for the demo school. Common family names, and given names that children born in the
 * 2010s–2020s actually carry (陽翔, 結衣 …), each with its reading, because class lists are
 * ordered by kana (五十音順). Adults (guardians, staff) have no kana in the schema.
 */
export interface KanaName {
  kanji: string
  kana: string
}

/** `漢字:かな` pairs separated by spaces: compact to read and to extend. */
function pairs(list: string): KanaName[] {
  return list.trim().split(/\s+/).map((p) => {
    const [kanji, kana] = p.split(':')
    if (!kanji || !kana) throw new Error(`bad name entry: ${p}`)
    return { kanji, kana }
  })
}

export const FAMILY_NAMES: KanaName[] = pairs(`
  佐藤:さとう 鈴木:すずき 高橋:たかはし 田中:たなか 伊藤:いとう 渡辺:わたなべ 山本:やまもと 中村:なかむら
  小林:こばやし 加藤:かとう 吉田:よしだ 山田:やまだ 佐々木:ささき 山口:やまぐち 松本:まつもと 井上:いのうえ
  木村:きむら 林:はやし 斎藤:さいとう 清水:しみず 山崎:やまざき 森:もり 池田:いけだ 橋本:はしもと
  阿部:あべ 石川:いしかわ 山下:やました 中島:なかじま 石井:いしい 小川:おがわ 前田:まえだ 岡田:おかだ
  長谷川:はせがわ 藤田:ふじた 後藤:ごとう 近藤:こんどう 村上:むらかみ 遠藤:えんどう 青木:あおき 坂本:さかもと
  福田:ふくだ 太田:おおた 西村:にしむら 藤井:ふじい 金子:かねこ 岡本:おかもと 藤原:ふじわら 中野:なかの
  三浦:みうら 原田:はらだ 中川:なかがわ 松田:まつだ 竹内:たけうち 小野:おの 田村:たむら 中山:なかやま
  和田:わだ 石田:いしだ 森田:もりた 上田:うえだ 原:はら 内田:うちだ 柴田:しばた 酒井:さかい
  宮崎:みやざき 横山:よこやま 高木:たかぎ 安藤:あんどう 宮本:みやもと 大野:おおの 今井:いまい 丸山:まるやま
`)

export const BOY_NAMES: KanaName[] = pairs(`
  陽翔:はると 蓮:れん 湊:みなと 蒼:あおい 樹:いつき 大和:やまと 悠真:ゆうま 陽向:ひなた
  朝陽:あさひ 碧:あお 悠人:ゆうと 颯太:そうた 律:りつ 新:あらた 陸:りく 大翔:ひろと
  蒼空:そら 結翔:ゆいと 颯:はやて 奏太:かなた 瑛太:えいた 晴:はる 凪:なぎ 健太:けんた
  翔太:しょうた 拓海:たくみ 優斗:ゆうと 大輝:だいき 海斗:かいと 隼:しゅん 壮真:そうま 航:わたる
  仁:じん 岳:がく 怜:れい 琉生:るい 陽太:ようた 歩夢:あゆむ 蒼介:そうすけ 一輝:かずき
  湊斗:みなと 悠翔:ゆうと
`)

export const GIRL_NAMES: KanaName[] = pairs(`
  陽葵:ひまり 凛:りん 詩:うた 結菜:ゆいな 芽依:めい 結衣:ゆい 紬:つむぎ 葵:あおい
  さくら:さくら 澪:みお 杏:あん 莉子:りこ 美咲:みさき 心春:こはる 陽菜:ひな 結愛:ゆあ
  花:はな 凪咲:なぎさ 美桜:みお 彩葉:いろは 琴葉:ことは 楓:かえで 千尋:ちひろ 心結:みゆ
  和奏:わかな 柚葉:ゆずは 美月:みづき 優奈:ゆな 紗良:さら 愛莉:あいり 杏奈:あんな 彩花:あやか
  遥:はるか 琴音:ことね 日葵:ひまり 瑠奈:るな 穂乃果:ほのか 菜々:なな 結月:ゆづき 咲良:さくら
  芽生:めい 依茉:えま
`)

export const WOMEN_NAMES: string[] = `
  恵 裕子 由美 直美 愛 麻衣 彩 舞 沙織 絵美 香織 美穂 智子 真由美 友美 亜希子 千春 陽子 奈緒 梓
  瞳 理恵 綾 早紀 明日香 久美子 由香 里美 幸子 望
`.trim().split(/\s+/)

export const MEN_NAMES: string[] = `
  大輔 健太 翔 拓也 直樹 亮 達也 和也 剛 誠 浩二 隆 雄一 慎也 哲也 健一 洋平 聡 賢治 修
  昌弘 康介 徹 秀樹 淳
`.trim().split(/\s+/)
