%{ for n in names ~}
${title} ${n}!
%{ endfor ~}
